/**
 * `npm run gen:checks`: compiles zod schemas read on a hot start into checks that need no zod at
 * run time (*.generated.ts, built from shared/compiled-checks/kit.ts):
 *  - the project document (ProjectShapeSchema, shared/domain/project.ts), read by every command;
 *  - the contact sheet options (ContactSheetOptionsSchema, electron/services/export/options.ts);
 *  - a colour palette (ColorPaletteSchema), which the inspector reads as the artist types;
 *  - every IPC answer and push event as the renderer checks them (shared/ipc/answer-schemas.ts, a
 *    file per group of the contract), so the renderer's start neither loads zod nor builds the
 *    contract's schemas.
 * Reading a project, starting an export or opening the editor then builds none of zod's hundreds
 * of schema objects. Run it after changing any of these schemas; the tests that hold each check
 * against its schema fail while a generated file is out of date.
 * The compiler knows only the zod features these schemas use and refuses anything else by name,
 * so a new feature cannot be skipped silently: teach it here (and to the kit) first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ContactSheetOptionsSchema } from '../electron/services/export/options';
import { ColorPaletteSchema } from '../shared/domain/ideogram-controls';
import { ProjectShapeSchema } from '../shared/domain/project';
import { isAspectRatio } from '../shared/domain/aspect-ratios';
import { isAllowedGatewayUrl, withoutTrailingSlashes } from '../shared/domain/gateway-url';
import { isImageRef } from '../shared/domain/project-image-ref';
import * as rules from '../shared/domain/project-rules';
import { answerSchemaGroups } from '../shared/ipc/answer-schemas';

export interface CheckTarget {
  /** Where the checks are written, from the repository root. */
  file: string;
  /** What they are compiled from, for the file's header. */
  source: string;
  /** Exported checks: a name and its schema, or a name and a table of schemas by key (one check per key). */
  exports: ReadonlyArray<{ name: string; schema: unknown } | { name: string; table: Readonly<Record<string, unknown>> }>;
}

export const CHECK_TARGETS: readonly CheckTarget[] = [
  {
    file: 'electron/services/compiled-checks/project-shape.generated.ts',
    source: 'ProjectShapeSchema (shared/domain/project.ts)',
    exports: [{ name: 'checkProjectShape', schema: ProjectShapeSchema }],
  },
  {
    file: 'electron/services/compiled-checks/contact-sheet-options.generated.ts',
    source: 'ContactSheetOptionsSchema (electron/services/export/options.ts)',
    exports: [{ name: 'checkContactSheetOptions', schema: ContactSheetOptionsSchema }],
  },
  {
    file: 'shared/domain/color-palette.generated.ts',
    source: 'ColorPaletteSchema (shared/domain/ideogram-controls.ts)',
    exports: [{ name: 'checkColorPalette', schema: ColorPaletteSchema }],
  },
  // The renderer's answer checks, a file per group of the contract (shared/ipc/answer-checks.ts joins them).
  ...Object.entries(answerSchemaGroups).map(([group, { answers, events }]) => ({
    file: `shared/ipc/answer-checks/${group}.generated.ts`,
    source: `answerSchemaGroups.${group} (shared/ipc/answer-schemas.ts)`,
    exports: [
      { name: 'answerChecks', table: answers },
      { name: 'eventChecks', table: events },
    ],
  })),
];

/** The functions a `.refine` or `.transform` may use, by module (from the repository root). */
const FUNCTIONS: ReadonlyArray<{ module: string; functions: Record<string, unknown> }> = [
  { module: 'shared/domain/aspect-ratios', functions: { isAspectRatio } },
  { module: 'shared/domain/project-image-ref', functions: { isImageRef } },
  { module: 'shared/domain/project-rules', functions: { ...rules } },
  { module: 'shared/domain/gateway-url', functions: { isAllowedGatewayUrl, withoutTrailingSlashes } },
];

const KIT_MODULE = 'shared/compiled-checks/kit';

/** The rewrite zod's `.trim()` adds, recognised by its source (zod builds a new closure each time). */
const TRIM_SOURCE = String((z.string().trim()._zod.def.checks?.[0]?._zod.def as { tx?: unknown } | undefined)?.tx);

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  fn?: unknown;
  tx?: unknown;
  when?: unknown;
  normalize?: unknown;
  hostname?: unknown;
  protocol?: unknown;
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
  fn?: unknown;
  in?: Schema;
  out?: Schema;
  transform?: unknown;
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
  readonly functions = new Map<string, string>(); // name -> module

  count(schema: Schema): void {
    const seen = this.uses.get(schema) ?? 0;
    this.uses.set(schema, seen + 1);
    if (seen > 0) return;
    const def = schema._zod.def;
    const children = [...Object.values(def.shape ?? {}), def.element, def.innerType, ...(def.options ?? []), def.keyType, def.valueType, def.in, def.out];
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
      case 'unknown':
        return 'k.anything';
      case 'custom':
        return `k.custom(${this.named(def.fn, where, 'a z.custom')})`;
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
      case 'pipe': {
        const out = def.out?._zod.def;
        if (!def.in || out?.type !== 'transform') throw unsupported(where, 'a pipe that does not end in a .transform');
        return `k.pipe(${this.expression(def.in, where)}, ${this.named(out.transform, where, 'a transform')})`;
      }
      default:
        throw unsupported(where, `the zod type "${def.type}"`);
    }
  }

  private object(def: Def, where: string): string {
    const catchall = def.catchall?._zod.def.type;
    const extra = catchall === undefined ? 'strip' : catchall === 'never' ? 'strict' : catchall === 'unknown' ? 'keep' : null;
    if (!extra) throw unsupported(where, `an object with a "${catchall}" catchall`);
    const fields = Object.entries(def.shape ?? {}).map(([key, field]) => `    ${JSON.stringify(key)}: ${this.field(field, `${where}.${key}`)},`);
    const rest = this.rules(def, where, 'object');
    return `k.object(\n  {\n${fields.join('\n')}\n  },\n  '${extra}'${rest.map((rule) => `, ${rule}`).join('')},\n)`;
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
        if (check.format === 'url' && check.normalize === undefined && check.hostname === undefined && check.protocol === undefined) return 'k.url';
        if (!PATTERN_FORMATS.has(check.format ?? '') || !check.pattern || /[gy]/.test(check.pattern.flags)) throw unsupported(where, `the string format "${check.format}"`);
        return `k.pattern(${check.pattern.toString()})`;
      case 'string:overwrite':
        if (String(check.tx) !== TRIM_SOURCE) throw unsupported(where, 'a string rewrite other than .trim()');
        return 'k.trimmed';
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
    const name = this.named(check.fn, where, 'a refinement (or superRefine)');
    return kind === 'object' ? `k.refineObject(${name})` : `k.refine(${name})`;
  }

  /** The name under which one of FUNCTIONS is imported. */
  private named(fn: unknown, where: string, what: string): string {
    for (const { module, functions } of FUNCTIONS) {
      const name = Object.keys(functions).find((key) => functions[key] === fn);
      if (!name) continue;
      this.functions.set(name, module);
      return name;
    }
    throw unsupported(where, `${what} whose function is not one of the named exports listed in FUNCTIONS (shared/domain/project-rules.ts and its neighbours)`);
  }
}

const isPrimitive = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function inner(def: Def, where: string): Schema {
  if (!def.innerType) throw unsupported(where, `a "${def.type}" without an inner type`);
  return def.innerType;
}

function unsupported(where: string, what: string): Error {
  return new Error(`gen-compiled-checks: ${where} uses ${what}, which compiled checks do not support. Teach scripts/gen-compiled-checks.ts and shared/compiled-checks/kit.ts, or keep the schema to the supported features.`);
}

/** An import path from the generated file to `module` (both from the repository root). */
function importPath(file: string, module: string): string {
  const relative = path.posix.relative(path.posix.dirname(file), module);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The source of `target.file` for the current schemas. */
export function generateCheck(target: CheckTarget): string {
  const compiler = new Compiler();
  const schemasOf = (entry: CheckTarget['exports'][number]) => ('schema' in entry ? [entry.schema] : Object.values(entry.table)) as Schema[];
  for (const entry of target.exports) for (const schema of schemasOf(entry)) compiler.count(schema);
  const exported = target.exports.map((entry) => {
    if ('schema' in entry) return [`/** The value checked and copied as ${target.source.split(' ')[0]} would return it, or a failure (see kit.ts). */`, `export const ${entry.name}: Check = ${compiler.expression(entry.schema as Schema, entry.name)};`];
    const rows = Object.entries(entry.table).map(([key, schema]) => `  ${JSON.stringify(key)}: ${compiler.expression(schema as Schema, `${entry.name}[${key}]`)},`);
    return [`/** By key, the value checked and copied as its schema in ${entry.name.replace(/Checks$/, 'Schemas')} would return it, or a failure (see kit.ts). */`, `export const ${entry.name}: Readonly<Record<string, Check>> = {`, ...rows, '};'];
  });
  const byModule = new Map<string, string[]>();
  for (const [name, module] of compiler.functions) byModule.set(module, [...(byModule.get(module) ?? []), name].sort());
  const imports = [...byModule].sort(([a], [b]) => a.localeCompare(b)).map(([module, names]) => `import { ${names.join(', ')} } from '${importPath(target.file, module)}';`);
  const kit = importPath(target.file, KIT_MODULE);
  return [
    `// Generated by scripts/gen-compiled-checks.ts from ${target.source}: do not edit.`,
    '// After changing those schemas run `npm run gen:checks` (the tests holding the checks against them fail until then).',
    ...imports,
    `import * as k from '${kit}';`,
    `import type { Check } from '${kit}';`,
    '',
    ...compiler.declarations,
    '',
    ...exported.flatMap((lines, index) => (index === 0 ? lines : ['', ...lines])),
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
