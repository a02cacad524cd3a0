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

interface AllowedImport {
  importer: string;
  imported: string;
  why: string;
}

/**
 * TEMPORARY: the imports still allowed to reach zod, each with why; the walk does not follow them.
 * Each is to be made zod-free by another change (its files are outside this one's reach). An entry
 * that is no longer needed fails the test, so it is removed, and the test then keeps it so.
 */
const NOT_YET_ZOD_FREE: readonly AllowedImport[] = [
  { importer: 'renderer/lib/api.ts', imported: 'shared/ipc/create-api.ts', why: "the IPC client checks main's answers with the contract's zod schemas" },
  { importer: 'renderer/main.tsx', imported: 'shared/zod-without-eval.ts', why: 'configures zod before create-api.ts builds its schemas; goes with them' },
  { importer: 'renderer/features/board/PanelCard.tsx', imported: 'shared/domain/project.ts', why: 'for SHOT_TYPE_LABELS only, which project-panel-options.ts has without zod' },
];

/** Every module reachable from `entry` and its imports, as root-relative paths. */
function importTree(projectRoot: string, entry: string): Promise<DependencyTree> {
  // transform: type-only imports are erased before the imports are read, as the bundler does;
  // skipDynamicImports: an import() is loaded on demand, not at start-up.
  return parseDependencyTree([entry], { cwd: projectRoot, context: projectRoot, transform: true, skipDynamicImports: true, tsconfig: undefined });
}

const isZod = (request: string) => request === 'zod' || request.startsWith('zod/');

/**
 * The chains of imports from `entry` to each module that imports zod, ending in "zod" (one
 * shortest chain per such module), not following the `allowed` imports.
 */
function zodChains(tree: DependencyTree, entry: string, allowed: readonly Omit<AllowedImport, 'why'>[] = []): string[][] {
  const isAllowed = (importer: string, imported: string) => allowed.some((edge) => edge.importer === importer && edge.imported === imported);
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
      if (id === null || cameFrom.has(id) || isAllowed(file, id)) continue;
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
    expect(zodChains(tree, 'entry.ts', [{ importer: 'a.ts', imported: 'schemas.ts' }])).toEqual([]);
  });

  it(`reaches no zod from ${RENDERER_ENTRY} but through the imports still to be made zod-free, each still needed`, async () => {
    const tree = await importTree(root, RENDERER_ENTRY);
    expect(zodChains(tree, RENDERER_ENTRY, NOT_YET_ZOD_FREE).map((chain) => chain.join(' -> '))).toEqual([]);
    const stillNeeded = ({ importer, imported }: AllowedImport) => (tree[importer] ?? []).some((dependency) => dependency.id === imported) && zodChains(tree, imported).length > 0;
    expect(NOT_YET_ZOD_FREE.filter((allowed) => !stillNeeded(allowed))).toEqual([]);
  });
});
