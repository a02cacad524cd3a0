/**
 * `npm run lint` keeps the architecture: an upward import between renderer layers and an import
 * cycle (type-only included) are errors. These tests feed it deliberate violations.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, isSlicesPattern, SOURCE_GLOBS } from '../../scripts/check-cycles';

const root = path.resolve(import.meta.dirname, '../..');

/** Lints `code` as if it were the file at `file` (no type information needed for import rules). */
async function importErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('renderer layers (lib < state < ui < features < app)', () => {
  it.each([
    ['renderer/state/zz-upward.ts', "import { Icon } from '../ui/Icon';\nexport const used = Icon;\n", 'renderer/state is below'],
    ['renderer/ui/zz-upward.ts', "import { Board } from '../features/board/Board';\nexport const used = Board;\n", 'renderer/ui is below'],
    ['renderer/lib/zz-upward.ts', "import type { AppState } from '../state/app-state';\nexport type Used = AppState;\n", 'renderer/lib is below'],
    ['renderer/features/board/zz-upward.ts', "import { createCommands } from '../../app/commands';\nexport const used = createCommands;\n", 'renderer/features is below'],
  ])('refuses an upward import in %s', async (file, code, message) => {
    expect((await importErrors(file, code)).join('\n')).toContain(message);
  });

  it('allows importing downward', async () => {
    expect(await importErrors('renderer/ui/zz-down.ts', "import { formatCents } from '../lib/format';\nimport type { AppState } from '../state/app-state';\nexport const used: [typeof formatCents, AppState | null] = [formatCents, null];\n")).toEqual([]);
  });
});

describe('import cycles', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds a cycle closed by a type-only import', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'castboard-cycles-'));
    await writeFile(path.join(dir, 'a.ts'), "import { b } from './b';\nexport interface A { n: number }\nexport const a = b + 1;\n");
    await writeFile(path.join(dir, 'b.ts'), "import type { A } from './a';\nexport const b = 1;\nexport type Alias = A;\n");
    const cycles = await findCycles(dir, ['*.ts']);
    expect(cycles).toHaveLength(1);
    expect([...(cycles[0] ?? [])].sort()).toEqual(['a.ts', 'b.ts']);
    expect(isSlicesPattern(cycles[0] ?? [])).toBe(false);
  });

  it('finds none in the source code apart from the zustand slices pattern inside renderer/state', async () => {
    const cycles = (await findCycles(root, SOURCE_GLOBS)).filter((cycle) => !isSlicesPattern(cycle));
    expect(cycles).toEqual([]);
  });
});
