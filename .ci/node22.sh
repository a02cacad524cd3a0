# Sourced by .ci/run. The dependencies (electron 45, openai 7, electron-store 12, conf 16) need
# Node 22 or newer, as does Electron 45's own embedded Node. A machine whose system Node is older
# takes Node 22 from the npm registry's `node` package (a real binary, no download at run time)
# for this run only; the system Node is left alone.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 22 ]; then
  echo "== system Node $(node --version) is older than 22: using Node 22 from the npm registry for this run"
  if ! log=$(npm install --no-save --no-audit --no-fund --no-package-lock --prefix .ci/node22 node@22 2>&1); then
    echo "$log"; echo "Could not install Node 22 from the npm registry (above)."; exit 1
  fi
  export PATH="$PWD/.ci/node22/node_modules/.bin:$PATH"
  hash -r
fi
echo "== Node $(node --version), npm $(npm --version)"
