/**
 * The renderer's checks of main's answers and push events, by channel and by event: the compiled
 * files of answer-checks/ (one per group of answer-schemas.ts, written by `npm run gen:checks`)
 * joined. Free of zod; test/electron/services/compiled-checks.test.ts holds that every channel and
 * event of the contract has one.
 */
import type { Check } from '../compiled-checks/kit';
import type { ChannelName, EventName } from './contract';
import * as app from './answer-checks/app.generated';
import * as consistency from './answer-checks/consistency.generated';
import * as exportChecks from './answer-checks/export.generated';
import * as jobs from './answer-checks/jobs.generated';
import * as project from './answer-checks/project.generated';

const groups = [app, project, jobs, exportChecks, consistency];

const joined = (pick: (group: (typeof groups)[number]) => Readonly<Record<string, Check>>): Readonly<Record<string, Check>> =>
  Object.fromEntries(groups.flatMap((group) => Object.entries(pick(group))));

export const answerChecks = joined((group) => group.answerChecks) as Readonly<Record<ChannelName, Check>>;
export const eventChecks = joined((group) => group.eventChecks) as Readonly<Record<EventName, Check>>;
