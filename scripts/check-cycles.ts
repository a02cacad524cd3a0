/**
 * `npm run lint:cycles` (part of `npm run lint`): fails on any import cycle in the source code,
 * type-only imports included (a type cycle breaks nothing at run time but it breaks the reader's
 * map of who depends on whom). dpdm builds the graph; we decide what fails.
 *
 * One reasoned exception: zustand's slices pattern for TypeScript. `AppState` is the intersection
 * of the slice interfaces (renderer/state/app-state.ts) and each slice is typed against AppState,
 * so the slices and app-state.ts name each other's types. That loop stays inside renderer/state/
 * and is type-only; any cycle leaving that folder, or not passing through app-state.ts, fails.
 */
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';

export const SOURCE_GLOBS = ['renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'shared/**/*.ts', 'scripts/**/*.ts'];

const SLICES_PATTERN = { folder: 'renderer/state/', hub: 'renderer/state/app-state.ts' };

/** True for the one allowed loop: the zustand slices pattern, inside renderer/state/. */
export function isSlicesPattern(cycle: readonly string[]): boolean {
  return cycle.includes(SLICES_PATTERN.hub) && cycle.every((file) => file.startsWith(SLICES_PATTERN.folder));
}

/** Every import cycle among the files matched by `globs` under `root`, as root-relative paths. */
export async function findCycles(root: string, globs: readonly string[]): Promise<string[][]> {
  const tree = await parseDependencyTree([...globs], { cwd: root, context: root, transform: false, skipDynamicImports: false, tsconfig: undefined });
  const relative = (file: string) => path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
  return parseCircular(tree).map((cycle) => cycle.map(relative));
}

async function main(): Promise<void> {
  const root = process.cwd();
  const cycles = (await findCycles(root, SOURCE_GLOBS)).filter((cycle) => !isSlicesPattern(cycle));
  if (cycles.length === 0) {
    console.log('No import cycles in source code.');
    return;
  }
  console.error(`${cycles.length} import cycle(s) in source code (type-only imports count too):`);
  for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].join(' -> ')}`);
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
