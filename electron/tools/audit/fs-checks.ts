/**
 * Issue #16: no service outside the confined file layer calls `fs` with a project path. Checked on
 * the code (TypeScript AST), also where lint cannot see: dynamic `import('node:fs')` and
 * `require('fs')`. Only the modules in fs-allowlist.json may use fs at all; those listed as
 * never touching project paths must not import anything that names or builds one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { result, type CheckResult } from './check';
import { isScript, parse, visit, type SourceFile } from './source-files';

export interface FsAllowlist {
  confinedLayer: Record<string, string>;
  neverProjectPaths: Record<string, string>;
}

const FS_MODULES = new Set(['fs', 'fs/promises', 'node:fs', 'node:fs/promises']);
/** Modules that name or build project paths: off limits to fs users outside the layer. */
const PROJECT_PATH_MODULES = /(^|\/)(project-paths|project-files|image-store|thumbnails|backups|project-lock|project-folder)$/;

export function readFsAllowlist(): FsAllowlist {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, 'fs-allowlist.json'), 'utf8')) as FsAllowlist;
}

/** Every module the file loads: static imports and exports, `import()` and `require()`, with lines. */
function loadedModules(file: SourceFile): Array<{ module: string; line: number }> {
  const source = parse(file);
  const found: Array<{ module: string; line: number }> = [];
  const add = (node: ts.Node, module: string) => found.push({ module, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  visit(source, (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) add(node, node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (dynamic || required) add(node, node.arguments[0].text);
    }
  });
  return found;
}

export function checkProjectFileAccess(files: readonly SourceFile[], allowlist: FsAllowlist = readFsAllowlist()): CheckResult {
  const failures: string[] = [];
  const layer = new Set(Object.keys(allowlist.confinedLayer));
  const outside = new Set(Object.keys(allowlist.neverProjectPaths));
  for (const [file, reason] of Object.entries({ ...allowlist.confinedLayer, ...allowlist.neverProjectPaths })) {
    if (!reason.trim()) failures.push(`${file}: listed in fs-allowlist.json without a reason`);
    if (!files.some((source) => source.path === file)) failures.push(`${file}: listed in fs-allowlist.json but no longer exists`);
  }
  for (const file of files.filter((source) => source.path.startsWith('electron/services/') && isScript(source))) {
    const modules = loadedModules(file);
    if (!layer.has(file.path) && !outside.has(file.path)) {
      for (const use of modules.filter((entry) => FS_MODULES.has(entry.module))) {
        failures.push(`${file.path}:${use.line}: loads ${use.module}; reach project folders through electron/services/project/project-files.ts`);
      }
    }
    if (outside.has(file.path)) {
      for (const use of modules.filter((entry) => PROJECT_PATH_MODULES.test(entry.module))) {
        failures.push(`${file.path}:${use.line}: may use fs only because it never touches a project, yet loads ${use.module}`);
      }
    }
  }
  const notes = [`fs used only by the confined layer (${layer.size} modules) and ${outside.size} modules that never touch a project folder`];
  return result('No service touches a project folder outside the confined file layer', failures, notes);
}
