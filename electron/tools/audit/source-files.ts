/**
 * Reading the app's source for the audit: the files under electron/, renderer/ and shared/ (the
 * audit tools themselves excluded), and a TypeScript-AST view of them so checks look at code,
 * never at comments that merely mention a forbidden thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const SOURCE_ROOTS = ['electron', 'renderer', 'shared'] as const;
const EXCLUDED = [`electron${path.sep}tools`];
const EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.html', '.css']);

export interface SourceFile {
  /** Repository-relative, forward slashes. */
  path: string;
  text: string;
}

function walk(dir: string, repoRoot: string, out: SourceFile[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(repoRoot, full);
    if (EXCLUDED.some((excluded) => relative === excluded || relative.startsWith(excluded + path.sep))) continue;
    if (entry.isDirectory()) walk(full, repoRoot, out);
    else if (EXTENSIONS.has(path.extname(entry.name))) out.push({ path: relative.split(path.sep).join('/'), text: readFileSync(full, 'utf8') });
  }
}

export function readSources(repoRoot: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const root of SOURCE_ROOTS) walk(path.join(repoRoot, root), repoRoot, files);
  return files;
}

export function isScript(file: SourceFile): boolean {
  return /\.(m|c)?(ts|tsx|js)$/.test(file.path);
}

const parsed = new WeakMap<SourceFile, ts.SourceFile>();

/** Parsed once per file object: several checks walk the same files. */
export function parse(file: SourceFile): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, file.path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(file, source);
  }
  return source;
}

export function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

/** Every string, template and regex literal in the file, with its line. */
export function literals(source: ts.SourceFile): Array<{ text: string; line: number }> {
  const found: Array<{ text: string; line: number }> = [];
  visit(source, (node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) {
      found.push({ text: node.getText(source), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
  });
  return found;
}

/** Every identifier use (not in comments), with its line. */
export function identifiers(source: ts.SourceFile, name: string): number[] {
  const lines: number[] = [];
  visit(source, (node) => {
    if (ts.isIdentifier(node) && node.text === name) lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
  });
  return lines;
}

/** Calls whose callee ends with `.name(` or is `name(`. */
export function calls(source: ts.SourceFile, name: string): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  visit(source, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    if ((ts.isIdentifier(callee) && callee.text === name) || (ts.isPropertyAccessExpression(callee) && callee.name.text === name)) found.push(node);
  });
  return found;
}

export function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}
