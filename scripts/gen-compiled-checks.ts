/**
 * `npm run gen:checks`: compiles the zod schemas read on every command's start into checks that
 * need no zod at run time (electron/services/compiled-checks/*.generated.ts, built from kit.ts):
 *  - the project document (ProjectShapeSchema, shared/domain/project.ts), read by every command;
 *  - the contact sheet options (ContactSheetOptionsSchema, electron/services/export/options.ts).
 * Reading a project or starting an export then neither loads zod nor builds its hundreds of schema
 * objects (most of `castboard info`'s start). Run it after changing either schema;
 * test/electron/services/compiled-checks.test.ts fails while a generated file is out of date.
 * The compiler knows only the zod features these schemas use and refuses anything else by name,
 * so a new feature cannot be skipped silently: teach it here (and to the kit) first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAspectRatio } from '../electron/services/export/aspect-ratio';
import { ContactSheetOptionsSchema } from '../electron/services/export/options';
import { ProjectShapeSchema } from '../shared/domain/project';
import { isImageRef } from '../shared/domain/project-image-ref';
import * as rules from '../shared/domain/project-rules';

export interface CheckTarget {
  /** Where the check is written, from the repository root. */
  file: string;
  /** The exported name of the check, and the schema it is compiled from. */
  exportName: string;
  schema: unknown;
  source: string;
}

export const CHECK_TARGETS: readonly CheckTarget[] = [
  { file: 'electron/services/compiled-checks/project-shape.generated.ts', exportName: 'checkProjectShape', schema: ProjectShapeSchema, source: 'ProjectShapeSchema (shared/domain/project.ts)' },
  {
    file: 'electron/services/compiled-checks/contact-sheet-options.generated.ts',
    exportName: 'checkContactSheetOptions',
    schema: ContactSheetOptionsSchema,
    source: 'ContactSheetOptionsSchema (electron/services/export/options.ts)',
  },
];

/** The predicates a `.refine` may use, by module as the generated files import them. */
const PREDICATES: ReadonlyArray<{ module: string; functions: Record<string, unknown> }> = [
  { module: '../export/aspect-ratio', functions: { isAspectRatio } },
  { module: '../../../shared/domain/project-image-ref', functions: { isImageRef } },
  { module: '../../../shared/domain/project-rules', functions: { ...rules } },
];

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  fn?: unknown;
  when?: unknown;
}
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  options?: Schema[];
  keyType?: Schema;
  valueType?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
  format?: string;
  pattern?: RegExp;
}
interface Schema {
  _zod: { def: Def };
}

/** Formats whose whole test is their pattern (zod adds nothing to it). */
const PATTERN_FORMATS = new Set(['regex', 'datetime']);

class Compiler {
  private readonly names = new Map<Schema, string>();
  private readonly uses = new Map<Schema, number>();
  readonly declarations: string[] = [];
  readonly predicates = new Map<string, string>(); // name -> module

  count(schema: Schema): void {
    const seen = this.uses.get(schema) ?? 0;
    this.uses.set(schema, seen + 1);
    if (seen > 0) return;
    const def = schema._zod.def;
    const children = [...Object.values(def.shape ?? {}), def.element, def.innerType, ...(def.options ?? []), def.keyType, def.valueType];
    for (const child of children) if (child) this.count(child);
  }

  /** An expression for `schema`: a name when it is shared or an object, inline otherwise. */
  expression(schema: Schema, where: string): string {
    const known = this.names.get(schema);
    if (known) return known;
    const code = this.compile(schema, where);
    if ((this.uses.get(schema) ?? 0) < 2 && schema._zod.def.type !== 'object') return code;
    const name = `s${this.names.size}`;
    this.names.set(schema, name);
    this.declarations.push(`const ${name}: Check = ${code};`);
    return name;
  }

  private compile(schema: Schema, where: string): string {
    const def = schema._zod.def;
    switch (def.type) {
      case 'string':
        return `k.string(${this.rules(def, where, 'string').join(', ')})`;
      case 'number':
        return `k.number(${this.rules(def, where, 'number').join(', ')})`;
      case 'boolean':
        return 'k.boolean';
      case 'null':
        return 'k.nullValue';
      case 'enum':
        return `k.oneOf(${JSON.stringify(Object.values(def.entries ?? {}))})`;
      case 'literal':
        if (!(def.values ?? []).every((value) => typeof value === 'string' || typeof value === 'number')) throw unsupported(where, 'a literal that is not a string or number');
        return `k.oneOf(${JSON.stringify(def.values)})`;
      case 'nullable':
        return `k.nullable(${this.expression(inner(def, where), where)})`;
      case 'union':
        return `k.union(${(def.options ?? []).map((option, index) => this.expression(option, `${where}|${index}`)).join(', ')})`;
      case 'array':
        return `k.array(${[this.expression(def.element as Schema, `${where}[]`), ...this.rules(def, where, 'array')].join(', ')})`;
      case 'record':
        return `k.record(${this.expression(def.keyType as Schema, `${where}{key}`)}, ${this.expression(def.valueType as Schema, `${where}{}`)})`;
      case 'object':
        return this.object(def, where);
      default:
        throw unsupported(where, `the zod type "${def.type}"`);
    }
  }

  private object(def: Def, where: string): string {
    const catchall = def.catchall?._zod.def.type;
    if (catchall !== undefined && catchall !== 'never') throw unsupported(where, `an object with a "${catchall}" catchall`);
    const fields = Object.entries(def.shape ?? {}).map(([key, field]) => `    ${JSON.stringify(key)}: ${this.field(field, `${where}.${key}`)},`);
    const rest = this.rules(def, where, 'object');
    return `k.object(\n  {\n${fields.join('\n')}\n  },\n  ${catchall === 'never'}${rest.map((rule) => `, ${rule}`).join('')},\n)`;
  }

  private field(schema: Schema, where: string): string {
    const def = schema._zod.def;
    if (def.type === 'optional') return `{ check: ${this.expression(inner(def, where), where)}, optional: true }`;
    if (def.type === 'default') {
      const fallback = def.defaultValue;
      if (!isPrimitive(fallback) && !(Array.isArray(fallback) && fallback.every(isPrimitive))) throw unsupported(where, 'a default that is not a JSON value or a list of them');
      return `{ check: ${this.expression(inner(def, where), where)}, fallback: ${JSON.stringify(fallback)} }`;
    }
    return `{ check: ${this.expression(schema, where)} }`;
  }

  private rules(def: Def, where: string, kind: 'string' | 'number' | 'array' | 'object'): string[] {
    // A format type (z.iso.datetime(), z.int()) is its own first check.
    const own = def.format ? [{ check: kind === 'number' ? 'number_format' : 'string_format', format: def.format, pattern: def.pattern }] : [];
    return [...own, ...(def.checks ?? []).map((check) => check._zod.def)].map((check) => this.rule(check, where, kind));
  }

  private rule(check: CheckDef, where: string, kind: string): string {
    const length = kind === 'array' ? 'Items' : 'Chars';
    switch (`${kind}:${check.check}`) {
      case 'string:min_length':
      case 'array:min_length':
        return `k.min${length}(${check.minimum})`;
      case 'string:max_length':
      case 'array:max_length':
        return `k.max${length}(${check.maximum})`;
      case 'string:string_format':
        if (!PATTERN_FORMATS.has(check.format ?? '') || !check.pattern || /[gy]/.test(check.pattern.flags)) throw unsupported(where, `the string format "${check.format}"`);
        return `k.pattern(${check.pattern.toString()})`;
      case 'number:number_format':
        if (check.format !== 'safeint') throw unsupported(where, `the number format "${check.format}"`);
        return 'k.safeInteger';
      case 'number:greater_than':
        return `k.atLeast(${check.value}, ${check.inclusive})`;
      case 'number:less_than':
        return `k.atMost(${check.value}, ${check.inclusive})`;
      default:
        if (check.check === 'custom') return this.refinement(check, where, kind);
        throw unsupported(where, `the ${kind} check "${check.check}"`);
    }
  }

  private refinement(check: CheckDef, where: string, kind: string): string {
    if (check.when) throw unsupported(where, 'a refinement with a "when" condition');
    for (const { module, functions } of PREDICATES) {
      const name = Object.keys(functions).find((key) => functions[key] === check.fn);
      if (!name) continue;
      this.predicates.set(name, module);
      return kind === 'object' ? `k.refineObject(${name})` : `k.refine(${name})`;
    }
    throw unsupported(where, 'a refinement (or superRefine) whose function is not exported by shared/domain/project-rules.ts');
  }
}

const isPrimitive = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function inner(def: Def, where: string): Schema {
  if (!def.innerType) throw unsupported(where, `a "${def.type}" without an inner type`);
  return def.innerType;
}

function unsupported(where: string, what: string): Error {
  return new Error(`gen-compiled-checks: ${where} uses ${what}, which compiled checks do not support. Teach scripts/gen-compiled-checks.ts and electron/services/compiled-checks/kit.ts, or keep the schema to the supported features.`);
}

/** The source of `target.file` for the current schema. */
export function generateCheck(target: CheckTarget): string {
  const schema = target.schema as Schema;
  const compiler = new Compiler();
  compiler.count(schema);
  const root = compiler.expression(schema, target.exportName);
  const byModule = new Map<string, string[]>();
  for (const [name, module] of compiler.predicates) byModule.set(module, [...(byModule.get(module) ?? []), name].sort());
  const imports = [...byModule].sort(([a], [b]) => a.localeCompare(b)).map(([module, names]) => `import { ${names.join(', ')} } from '${module}';`);
  return [
    `// Generated by scripts/gen-compiled-checks.ts from ${target.source}: do not edit.`,
    '// After changing that schema run `npm run gen:checks` (test/electron/services/compiled-checks.test.ts fails until then).',
    ...imports,
    "import * as k from './kit';",
    "import type { Check } from './kit';",
    '',
    ...compiler.declarations,
    '',
    `/** The value checked and copied as ${target.source.split(' ')[0]} would return it, or a failure (see kit.ts). */`,
    `export const ${target.exportName}: Check = ${root};`,
    '',
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  for (const target of CHECK_TARGETS) {
    const file = path.resolve(import.meta.dirname, '..', target.file);
    const source = generateCheck(target);
    const changed = readFileSync(file, { encoding: 'utf8', flag: 'a+' }) !== source;
    if (changed) writeFileSync(file, source);
    console.log(changed ? `Wrote ${target.file}.` : `${target.file} is up to date.`);
  }
}
