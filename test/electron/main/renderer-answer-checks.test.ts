/**
 * What main really sends in a working session, held to the renderer's compiled checks
 * (shared/ipc/answer-checks.ts): a project is made, cast, generated (with its progress
 * events), restyled, previewed and saved through the channels wired as in the app, and every answer
 * and push event, as it leaves main, is accepted by its compiled check with exactly the output zod
 * gives for the same schema. A compiled check that refused one would send the renderer to zod (and
 * to a chunk load) for an ordinary answer; one that differed would hand the UI another value.
 */
import { describe, expect, it } from 'vitest';
import { failed } from '../../../shared/compiled-checks/kit';
import type { Project } from '../../../shared/domain/project';
import { answerChecks, eventChecks } from '../../../shared/ipc/answer-checks';
import { answerSchemas, eventSchemas } from '../../../shared/ipc/answer-schemas';
import type { ChannelName, EventName } from '../../../shared/ipc/contract';
import { gatewayWith, rig, settled, storyboard, tempDir } from './support/app-rig';

/** The compiled check's output for `value`, held against zod's: the same keys, order and values. */
function expectSameAsZod(check: (value: unknown) => unknown, schema: { parse(value: unknown): unknown }, value: unknown, where: string): void {
  const quick = check(structuredClone(value));
  expect(failed(quick), `${where}: refused by its compiled check`).toBe(false);
  expect(JSON.stringify(quick), where).toBe(JSON.stringify(schema.parse(structuredClone(value))));
}

describe("the renderer's compiled answer checks", () => {
  it('accept every answer and push event of a working session exactly as zod does', async () => {
    const gateway = await gatewayWith();
    const r = rig(gateway);
    const answers: Array<{ channel: ChannelName; value: unknown }> = [];
    const call = r.call;
    r.call = async (channel, payload) => {
      const value = await call(channel, payload);
      answers.push({ channel: channel as ChannelName, value });
      return value;
    };

    for (const channel of ['settings:get', 'key:status', 'key:destination', 'project:current', 'project:recent', 'jobs:snapshot']) await r.call(channel);
    const { project } = await storyboard(r, await tempDir(), 3);
    const panelIds = project.panels.map((panel) => panel.id);
    await r.call('jobs:estimate', { panelIds, variations: 2 });
    await r.call('jobs:generate', { panelIds, variations: 2 });
    await settled(r);
    const generated = (await r.call('project:current')) as { project: Project };
    const take = generated.project.panels[0]?.takes[0];
    await r.call('jobs:restyle', { panelIds: [panelIds[0]], stylePrompt: 'ink and wash', imageWeight: 50 });
    await settled(r);
    await r.call('export:preview', { settings: generated.project.exportSettings, selectedPanelIds: [], maxWidth: 400 });
    for (const channel of ['jobs:snapshot', 'project:save', 'project:recent', 'project:current']) await r.call(channel);

    expect(take, 'the session generated takes').toBeDefined();
    expect(new Set(answers.map(({ channel }) => channel)).size).toBeGreaterThan(10);
    for (const { channel, value } of answers) expectSameAsZod(answerChecks[channel], answerSchemas[channel], value, channel);

    const pushed = r.events.map(({ event, payload }) => ({ event: event as EventName, payload: eventSchemas[event as EventName].parse(payload) }));
    expect(pushed.map(({ event }) => event)).toEqual(expect.arrayContaining(['jobs:progress', 'project:takesAdded']));
    for (const { event, payload } of pushed) expectSameAsZod(eventChecks[event], eventSchemas[event], payload, event);
  }, 60_000);
});
