/**
 * The renderer's start-up builds no zod schema: every module its bundle evaluates before the
 * first render (the static value imports reachable from renderer/main.tsx) is free of zod, so a
 * 500-panel board does not pay ~40 ms of schema construction to open. Facts the renderer reads
 * (vocabularies, labels, limits, pure helpers) live in zod-free modules that the schema modules
 * build from (docs/architecture.md, "The renderer").
 * What counts: static imports and re-exports (`export * from`), not type-only imports (erased)
 * nor dynamic `import()`s (loaded later, on demand).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseDependencyTree, type DependencyTree } from 'dpdm';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

const RENDERER_ENTRY = 'renderer/main.tsx';

/** Every module reachable from `entry` and its imports, as root-relative paths. */
function importTree(projectRoot: string, entry: string): Promise<DependencyTree> {
  // transform: type-only imports are erased before the imports are read, as the bundler does;
  // skipDynamicImports: an import() is loaded on demand, not at start-up.
  return parseDependencyTree([entry], { cwd: projectRoot, context: projectRoot, transform: true, skipDynamicImports: true, tsconfig: undefined });
}

const isZod = (request: string) => request === 'zod' || request.startsWith('zod/');

/** The chains of imports from `entry` to each module that imports zod, ending in "zod" (one shortest chain per such module). */
function zodChains(tree: DependencyTree, entry: string): string[][] {
  const cameFrom = new Map<string, string | null>([[entry, null]]);
  const chainTo = (file: string): string[] => {
    const chain: string[] = [];
    for (let at: string | null | undefined = file; at; at = cameFrom.get(at)) chain.unshift(at);
    return chain;
  };
  const chains: string[][] = [];
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const imports = tree[file] ?? [];
    if (imports.some((dependency) => isZod(dependency.request))) chains.push([...chainTo(file), 'zod']);
    for (const { id } of imports) {
      if (id === null || cameFrom.has(id)) continue;
      cameFrom.set(id, file);
      queue.push(id);
    }
  }
  return chains;
}

describe('the renderer start-up loads no zod', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds zod behind a value import or a re-export, not behind a type-only or a dynamic import', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'castboard-zod-walk-'));
    const files: Record<string, string> = {
      'entry.ts': "import { a } from './a';\nimport type { T } from './typed';\nexport const run = () => import('./lazy');\nexport const used: T = a;\n",
      'a.ts': "export * from './schemas';\nexport const a = 1;\n",
      'schemas.ts': "import { z } from 'zod';\nexport const S = z.string();\n",
      'typed.ts': "import { z } from 'zod';\nexport const Typed = z.number();\nexport type T = number;\n",
      'lazy.ts': "import { z } from 'zod';\nexport const Lazy = z.boolean();\n",
    };
    for (const [name, code] of Object.entries(files)) await writeFile(path.join(dir, name), code);
    const tree = await importTree(dir, 'entry.ts');
    expect(zodChains(tree, 'entry.ts')).toEqual([['entry.ts', 'a.ts', 'schemas.ts', 'zod']]);
  });

  it(`reaches no zod from ${RENDERER_ENTRY}`, async () => {
    const tree = await importTree(root, RENDERER_ENTRY);
    expect(zodChains(tree, RENDERER_ENTRY).map((chain) => chain.join(' -> '))).toEqual([]);
  });
});
