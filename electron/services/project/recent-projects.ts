/**
 * The recent-projects list, kept in a key-value store (the settings file in the app, conf in tests
 * and the CLI: same API for get/set). Newest first, one entry per folder, at most `max`.
 * An entry whose folder no longer holds a project.json (moved or deleted) stays listed, marked
 * `missing`, until the artist removes it or newer projects push it off the end: a project that
 * vanished from the list without a word looked lost. A damaged stored value reads as an empty list
 * rather than breaking the start screen.
 */
import path from 'node:path';
import { z } from 'zod';
import { RecentProjectSchema, type ListedRecentProject, type RecentProject } from '../../../shared/domain/project-status';
import { entryType } from './project-files';
import { PROJECT_FILE } from './project-paths';

export const RECENT_PROJECTS_KEY = 'recentProjects';

/**
 * What opening a recent project that was moved or deleted says, from the start screen and from
 * the menu's Open Recent alike (both open through ProjectWorkspace.openRecent): one text, so the
 * artist reads the same explanation and the same fix wherever they clicked.
 */
export function movedOrDeletedMessage(entry: Pick<RecentProject, 'title' | 'path'>): string {
  const name = entry.title ? `"${entry.title}"` : 'This project';
  return `${name} is no longer at ${entry.path}: it was moved or deleted. If you moved it, use Open project to open it where it is now; to take it off the list, press the × next to it in Recent projects on the start screen.`;
}
export const MAX_RECENT_PROJECTS = 10;

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface RecentProjects {
  /** Newest first, each marked `missing` when its folder no longer holds a project. */
  list(): Promise<ListedRecentProject[]>;
  /** Records that `folder` was opened now (moves it to the top). */
  add(folder: string, title: string): void;
  remove(folder: string): void;
  clear(): void;
}

export interface RecentProjectsOptions {
  max?: number;
  now?: () => Date;
  /** Whether a project folder still exists; default: it holds a project.json file. */
  exists?: (folder: string) => Promise<boolean>;
}

async function holdsProject(folder: string): Promise<boolean> {
  const entry = await entryType(folder, PROJECT_FILE).catch(() => null);
  return entry?.type === 'file';
}

export function createRecentProjects(store: KeyValueStore, options: RecentProjectsOptions = {}): RecentProjects {
  const max = options.max ?? MAX_RECENT_PROJECTS;
  const now = options.now ?? (() => new Date());
  const exists = options.exists ?? holdsProject;

  function read(): RecentProject[] {
    const parsed = z.array(z.unknown()).safeParse(store.get(RECENT_PROJECTS_KEY));
    if (!parsed.success) return [];
    // Keep each valid entry even if a neighbour is damaged.
    return parsed.data.flatMap((entry) => {
      const item = RecentProjectSchema.safeParse(entry);
      return item.success ? [item.data] : [];
    });
  }

  function write(entries: RecentProject[]): void {
    store.set(RECENT_PROJECTS_KEY, entries.slice(0, max));
  }

  const key = (folder: string) => path.resolve(folder);

  return {
    async list() {
      const entries = read().slice(0, max);
      const present = await Promise.all(entries.map((entry) => exists(entry.path)));
      return entries.map((entry, index) => ({ ...entry, missing: !present[index] }));
    },
    add(folder, title) {
      const resolved = key(folder);
      const entry: RecentProject = { path: resolved, title, openedAt: now().toISOString() };
      write([entry, ...read().filter((item) => key(item.path) !== resolved)]);
    },
    remove(folder) {
      const resolved = key(folder);
      write(read().filter((item) => key(item.path) !== resolved));
    },
    clear() {
      write([]);
    },
  };
}
