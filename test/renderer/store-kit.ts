/** Builds the real store over the fake transport, with a controllable clock, for slice tests. */
import { createWiredAppStore } from '../../renderer/app/app-store';
import type { AppStore } from '../../renderer/state/app-state';
import type { TakeConsistency } from '../../shared/domain/consistency';
import type { Project, Take } from '../../shared/domain/project';
import { createPanel, createEmptyProject, createCharacter } from '../../shared/domain/project-edit';
import { createApi } from '../../shared/ipc/create-api';
import { FIXED_NOW, makeTake, sha, type ProjectBackend } from './fake-project-backend';
import { createFakeTransport, type FakeBackend, type FakeTransport } from './fake-transport';

export interface Kit extends FakeTransport {
  store: AppStore;
  clock: { now: number; advance(ms: number): void };
}

let ids = 0;
export const testId = (prefix: string) => `${prefix}-${++ids}`;

/** The reference image of sampleProject's character: what its panels' takes are checked against. */
export const SAMPLE_REFERENCE = `images/${sha(9999)}.png`;

/** A consistency outcome of a sampleProject take as main answers it (threshold 0.5; null distance: no face found). */
export function sampleOutcome(panelId: string, takeId: string, distance: number | null): TakeConsistency {
  const status = distance === null ? 'not-checked' : distance <= 0.5 ? 'consistent' : 'drifted';
  return { panelId, takeId, status, distance, reason: distance === null ? 'no-face' : null, reference: SAMPLE_REFERENCE };
}

/** A project with a character and `count` panels; panel i (0-based) has `takes[i]` takes. */
export function sampleProject(count: number, takes: number[] = []): Project {
  const character = createCharacter({ name: 'Mara', description: 'red coat', referenceImage: SAMPLE_REFERENCE }, () => 'char-1');
  const project = createEmptyProject({ title: 'Night Market' }, FIXED_NOW);
  const panels = Array.from({ length: count }, (_, index) => {
    const panel = createPanel({ scenePrompt: `Scene ${index + 1}`, characterId: character.id }, () => `p${index + 1}`);
    const panelTakes: Take[] = Array.from({ length: takes[index] ?? 0 }, (_, t) => makeTake(`p${index + 1}-t${t + 1}`, index * 100 + t + 1));
    return { ...panel, takes: panelTakes, activeTakeId: panelTakes[0]?.id ?? null };
  });
  return { ...project, characters: [character], panels };
}

export interface KitOptions {
  project?: Project;
  settings?: Partial<FakeBackend>;
  main?: Partial<ProjectBackend>;
  syncDelayMs?: number;
}

export function createKit(options: KitOptions = {}): Kit {
  const opened = options.project ? { project: options.project, root: '/projects/Night Market.castboard' } : {};
  const fake = createFakeTransport(options.settings ?? {}, { ...opened, ...options.main });
  const clock = { now: 1_000_000, advance(ms: number) { clock.now += ms; } };
  const store = createWiredAppStore(createApi(fake.transport), { now: () => clock.now, syncDelayMs: options.syncDelayMs ?? 0 });
  return { ...fake, store, clock };
}

/** Opens the backend's project in the store (as a reload would). */
export async function openKit(project: Project, options: { syncDelayMs?: number } = {}): Promise<Kit> {
  const kit = createKit({ project, syncDelayMs: options.syncDelayMs });
  await kit.store.getState().restoreCurrent();
  return kit;
}

export function panelIds(store: AppStore): string[] {
  return store.getState().doc?.panels.map((panel) => panel.id) ?? [];
}
