/**
 * The compiled checks (electron/services/compiled-checks/, shared/ipc/answer-checks/)
 * against the zod schemas they were compiled from. Values come from the product (a project made and generated with the CLI against
 * the fake gateway, the sample project the store tests use, the export options the CLI builds from
 * them), then every field is broken in the ways a damaged or hand-edited file would be. For each:
 *  - accepted by the check: zod accepts it too, with the same output (same keys, same order);
 *  - refused as INVALID: zod refuses it too;
 *  - UNSURE: no claim (zod decides).
 * And every generated file is the one the generator writes for the current schemas.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHECK_TARGETS, generateCheck } from '../../../scripts/gen-compiled-checks';
import { COLOR_PALETTE_PRESETS, ProjectSchema, ProjectShapeSchema, encodePoints, type Project } from '../../../shared/domain/project';
import { imageRefFromHash } from '../../../shared/domain/project-image-ref';
import { PDF_PER_PAGE } from '../../../shared/domain/production-export';
import { productionSettings } from '../../../shared/domain/production-settings';
import { INVALID, UNSURE, type Check } from '../../../shared/compiled-checks/kit';
import { checkContactSheetOptions } from '../../../electron/services/compiled-checks/contact-sheet-options.generated';
import { checkProjectShape } from '../../../electron/services/compiled-checks/project-shape.generated';
import { ContactSheetOptionsSchema } from '../../../electron/services/export/options';
import { sheetOptionsOf } from '../../../electron/cli/commands/export';
import { parseProjectBytes } from '../../../electron/services/project/project-parse';
import { SettingsSchema } from '../../../shared/domain/settings';
import { answerChecks, eventChecks } from '../../../shared/ipc/answer-checks';
import { answerSchemas } from '../../../shared/ipc/answer-schemas';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../shared/ipc/names';
import { cli, gatewayEnv, makeProject, useCliFixture, writeReferencePng } from '../cli/cli-kit';
import { buildSampleProject, sha256 } from './project/fixtures';

const ROOT = path.resolve(import.meta.dirname, '../../..');
type Json = unknown;

/** A project made the way an artist makes one from the command line, with every optional part filled in. */
async function cliProject(dir: string, env: Record<string, string>): Promise<Project> {
  const project = await makeProject(dir, ['Mara crosses the market', 'Close on the letter', 'The tram leaves']);
  const run = async (...argv: string[]) => {
    const result = await cli(argv, { env });
    if (result.code !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
  };
  await run('style', 'set', project, '--palette', '#1E3A5F,#F2C14E', '--style-type', 'REALISTIC', '--variations', '2', '--negative', 'text, watermark');
  await run('panel', 'add', project, '--scene', 'Rain on the window', '--shot', 'ECU', '--dialogue', 'Not again…');
  await run('generate', project, '--yes', '--activate', '--panels', '1-2');
  await run('panel', 'image', project, '--panel', '3', '--image', await writeReferencePng(path.join(dir, 'imported.png')));
  return JSON.parse(await readFile(path.join(project, 'project.json'), 'utf8')) as Project;
}

/**
 * The store tests' sample, plus what the app adds over time: a deleted panel, a sketch, per-panel
 * controls, money paid without an image, and every production format's options saved by the
 * export dialog (a PDF shooting board, whose panels-per-page rule is stricter than a grid's).
 */
async function sampleProject(): Promise<Project> {
  const project = await buildSampleProject((png) => Promise.resolve(imageRefFromHash(sha256(png))), { panels: 4 });
  const [first, second] = project.panels as [Project['panels'][number], Project['panels'][number]];
  const formats = productionSettings(project.exportSettings);
  return {
    ...project,
    exportSettings: { ...project.exportSettings, formats: { ...formats, pdf: { ...formats.pdf, layout: 'shooting', perPage: PDF_PER_PAGE.shooting.max } } },
    style: { ...project.style, colorPalette: { preset: COLOR_PALETTE_PRESETS[2] } },
    panels: [
      { ...first, controls: { magicPrompt: 'AUTO', renderingSpeed: 'TURBO' }, sketch: { strokes: [{ tool: 'pen', grey: 20, size: 4, points: encodePoints([0.1, 0.2, 0.5, 0.3, 0.25, 0.7]) }], baseTakeId: first.activeTakeId ?? undefined } },
      ...project.panels.slice(2),
    ],
    recentlyDeleted: [{ panel: second, index: 1, deletedAt: '2025-11-21T18:00:00.000Z' }],
    paidWithoutImage: [{ at: '2025-11-21T18:05:00.000+01:00', panelId: first.id, kind: 'unknown', reason: 'stopped while its request was in flight', costCents: 5, idempotencyKey: 'key-1' }],
  };
}

const clone = (value: Json): Json => structuredClone(value);

const STRING_VALUES = ['', ' ', 'x'.repeat(65), 'x'.repeat(201), 'x'.repeat(4001), '😀'.repeat(150), 'a😀', 'images/../x.png', `images/${'A'.repeat(64)}.png`, '2025-13-01T00:00:00Z'];
const NUMBER_VALUES = [-1, 0, 0.5, 1.5, 4.5, 13, 601, 1_000_001, 2 ** 32, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY];
const OTHER_VALUES = [null, undefined, true, [], {}];

/** Every way of breaking the document at one place, as [where, document]. */
function* mutations(doc: Json): Generator<[string, Json]> {
  function* at(node: Json, where: string, replace: (value: Json) => Json, remove: (() => Json) | null): Generator<[string, Json]> {
    if (remove) yield [`${where} removed`, remove()];
    for (const value of [...OTHER_VALUES, ...STRING_VALUES, ...NUMBER_VALUES]) {
      yield [`${where} = ${typeof value === 'number' || value === undefined ? String(value) : JSON.stringify(value)}`, replace(value)];
    }
    if (Array.isArray(node)) {
      yield [`${where} emptied`, replace([])];
      if (node.length > 0) yield [`${where} with its first item twice`, replace([node[0], ...node])];
      const first: Json = node[0];
      if (node.length > 0) yield* at(first, `${where}[0]`, (value) => replace([value, ...node.slice(1)]), () => replace(node.slice(1)));
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, Json>;
      yield [`${where} with an unknown key`, replace({ ...record, extra: 1 })];
      yield [`${where} with an own __proto__ key`, replace(JSON.parse(JSON.stringify({ ...record, ['__proto__']: 1 })) as Json)];
      for (const key of Object.keys(record)) {
        const child = record[key];
        yield* at(child, `${where}.${key}`, (value) => replace({ ...record, [key]: value }), () => {
          const { [key]: _gone, ...rest } = record;
          return replace(rest);
        });
      }
    }
  }
  yield* at(doc, '$', (value) => value, null);
}

/** What `check` says about `value`, held against `schema`. */
function compare(check: Check, schema: z.ZodType, value: Json): 'accepted' | 'invalid' | 'unsure' {
  const quick = check(clone(value));
  const zod = schema.safeParse(clone(value));
  if (quick === UNSURE) return 'unsure';
  if (quick === INVALID) {
    expect(zod.success).toBe(false);
    return 'invalid';
  }
  expect(zod.success).toBe(true);
  expect(JSON.stringify(quick)).toBe(JSON.stringify(zod.data));
  expect(quick).toEqual(zod.data);
  return 'accepted';
}

/** Every mutation of every value in `values`, compared; how many came out which way. */
function compareMutations(check: Check, schema: z.ZodType, values: Json[]): Record<'accepted' | 'invalid' | 'unsure', number> {
  const tally = { accepted: 0, invalid: 0, unsure: 0 };
  for (const value of values) {
    for (const [where, broken] of mutations(value)) {
      try {
        tally[compare(check, schema, broken)] += 1;
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
      }
    }
  }
  return tally;
}

/** The options `castboard export` builds from a project: its saved settings and its shape. */
const exportOptions = (project: Project) => sheetOptionsOf(project, {}, false);

describe('compiled checks', () => {
  const fixture = useCliFixture();

  it('are the files the generator writes for the current schemas (run `npm run gen:checks` after a schema change)', () => {
    for (const target of CHECK_TARGETS) expect(readFileSync(path.join(ROOT, target.file), 'utf8'), target.file).toBe(generateCheck(target));
  });

  it('accept projects the product makes, with exactly the output zod gives', async () => {
    for (const project of [await cliProject(fixture.dir, gatewayEnv(fixture.gateway)), await sampleProject()]) {
      expect(compare(checkProjectShape, ProjectShapeSchema, project)).toBe('accepted');
      // The defaults of fields an older file lacks are filled in the same way.
      const older = clone(project) as { style: Record<string, unknown> };
      delete older.style.magicPrompt;
      delete older.style.colorPalette;
      delete older.style.defaultVariations;
      expect(compare(checkProjectShape, ProjectShapeSchema, older)).toBe('accepted');
    }
  });

  it('never accept a broken project zod refuses, and refuse as invalid only what zod refuses, over every field broken every way', async () => {
    const tally = compareMutations(checkProjectShape, ProjectShapeSchema, [await cliProject(fixture.dir, gatewayEnv(fixture.gateway)), await sampleProject()]);
    // Most damage is decided without zod; the rest is left to it.
    expect(tally.invalid).toBeGreaterThan(tally.unsure * 10);
    expect(tally.accepted).toBeGreaterThan(100);
  });

  it('read a project with broken links exactly as the zod schema words it', async () => {
    const project = await sampleProject();
    const [first, second] = project.panels as [Project['panels'][number], Project['panels'][number]];
    const broken: Project[] = [
      { ...project, panels: [first, { ...second, id: first.id }] },
      { ...project, panels: [{ ...first, activeTakeId: 'no-such-take' }, second] },
      { ...project, panels: [{ ...first, characterId: 'nobody' }, second] },
    ];
    for (const doc of broken) {
      const parsed = await parseProjectBytes(new TextEncoder().encode(JSON.stringify(doc)));
      const zod = ProjectSchema.safeParse(doc);
      expect(parsed.ok).toBe(false);
      expect(zod.success).toBe(false);
      if (!parsed.ok && !zod.success) expect(parsed.detail).toContain(zod.error.issues[0]?.message ?? '');
    }
  });

  it('check the export options the CLI builds from a project as zod does, defaults included, over every option broken every way', async () => {
    const options = [{}, exportOptions(await cliProject(fixture.dir, gatewayEnv(fixture.gateway))), exportOptions(await sampleProject())];
    for (const value of options) expect(compare(checkContactSheetOptions, ContactSheetOptionsSchema, value)).toBe('accepted');
    const tally = compareMutations(checkContactSheetOptions, ContactSheetOptionsSchema, options);
    expect(tally.invalid).toBeGreaterThan(100);
    expect(tally.accepted).toBeGreaterThan(20);
  });

  describe("main's answers, as the renderer checks them", () => {
    it('cover every channel and push event of the contract', () => {
      expect(Object.keys(answerChecks).sort()).toEqual([...CHANNEL_NAMES].sort());
      expect(Object.keys(eventChecks).sort()).toEqual([...EVENT_NAMES].sort());
    });

    /** An opened project as main answers project:current, for a project the product made. */
    const opened = (project: Project) => ({
      root: '/boards/Harbour Chase.castboard',
      project,
      status: { state: 'saved', dirty: false, message: null, lastSavedAt: '2025-11-21T18:00:00.000Z', readOnlyReason: null },
      report: { imageProblems: [], migratedFrom: null, originalKeptAs: null, message: null },
    });

    it('accept an opened project with exactly the output zod gives, and decide a broken one as zod does', async () => {
      const check = answerChecks['project:current'];
      const schema = answerSchemas['project:current'];
      for (const project of [await cliProject(fixture.dir, gatewayEnv(fixture.gateway)), await sampleProject()]) expect(compare(check, schema, opened(project))).toBe('accepted');
      expect(compare(check, schema, null)).toBe('accepted');
      const tally = compareMutations(check, schema, [opened(await sampleProject())]);
      expect(tally.invalid).toBeGreaterThan(tally.unsure * 10);
    });

    it('check settings as zod does, the gateway URL rules included (trimmed, a URL, https or this computer, no trailing slash)', () => {
      const check = answerChecks['settings:get'];
      const schema = answerSchemas['settings:get'];
      const settings = [SettingsSchema.parse({}), SettingsSchema.parse({ gatewayBaseUrl: 'http://127.0.0.1:8787/v1/', concurrency: 4 })];
      for (const value of settings) expect(compare(check, schema, value)).toBe('accepted');
      const urls = ['https://gateway.example/v1//', ' https://gateway.example/v1', 'https://gate\tway.example', 'http://gateway.example/v1', 'not a url', 'https://[::1]:99999/'];
      const verdicts = urls.map((gatewayBaseUrl) => compare(check, schema, { ...settings[0], gatewayBaseUrl }));
      expect(verdicts).toEqual(['accepted', 'unsure', 'unsure', 'invalid', 'invalid', 'invalid']);
      const tally = compareMutations(check, schema, settings);
      expect(tally.invalid).toBeGreaterThan(50);
    });
  });
});
