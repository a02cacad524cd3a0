/**
 * backups/ keeps a copy of each of the last MAX_BACKUPS saves (`project-<UTC time>.json`, the
 * bytes exactly as saved), so a project.json damaged later — by a disk, a sync tool, a hand
 * edit — can be replaced by the newest copy that still parses. Originals kept before a format
 * migration (`project-v<N>-original-<UTC time>.json`) are never rotated away. A backup is only
 * offered after it passes the same checks as project.json.
 * All access goes through project-files.ts: a linked backups/ folder is never written into or
 * rotated (nothing is deleted outside the project), and a backup that is a link, FIFO or device,
 * or larger than a project can be, is skipped without being read.
 */
import type { BackupInfo } from '../../../shared/domain/project-status';
import { listProjectFolder, readProjectFileIfSafe, removeProjectFile, writeProjectFile } from './project-files';
import { BACKUPS_DIR } from './project-paths';
import { parseProjectBytes } from './project-parse';

export const MAX_BACKUPS = 10;

const ROTATING_NAME = /^project-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d{1,4}))?\.json$/;
const ORIGINAL_NAME = /^project-v(\d+)-original-[0-9TZ-]+\.json$/;

export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

interface RotatingBackup {
  fileName: string;
  savedAt: Date;
  seq: number;
}

export function parseBackupName(fileName: string): RotatingBackup | null {
  const match = ROTATING_NAME.exec(fileName);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, seq] = match;
  const savedAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  if (Number.isNaN(savedAt.getTime())) return null;
  return { fileName, savedAt, seq: Number(seq ?? 0) };
}

export function isBackupFileName(fileName: string): boolean {
  return ROTATING_NAME.test(fileName) || ORIGINAL_NAME.test(fileName);
}

function newestFirst(a: RotatingBackup, b: RotatingBackup): number {
  return b.savedAt.getTime() - a.savedAt.getTime() || b.seq - a.seq;
}

const backupPath = (fileName: string) => `${BACKUPS_DIR}/${fileName}`;

async function rotatingBackups(root: string): Promise<RotatingBackup[]> {
  const names = await listProjectFolder(root, BACKUPS_DIR).catch(() => [] as string[]);
  return names.map(parseBackupName).filter((entry): entry is RotatingBackup => entry !== null).sort(newestFirst);
}

/**
 * Stores the bytes of a completed save as the newest backup and deletes the oldest beyond `keep`.
 * Not fsynced: a backup damaged by a power cut is simply never offered (it fails the checks).
 */
export async function rotateBackup(root: string, bytes: Uint8Array, now: Date, keep: number = MAX_BACKUPS): Promise<string> {
  // Refuses (throws) before anything is listed or deleted when backups/ is a link.
  const existing = await rotatingBackups(root);
  const taken = new Set(existing.map((entry) => entry.fileName));
  const stamp = backupStamp(now);
  let fileName = `project-${stamp}.json`;
  for (let seq = 1; taken.has(fileName); seq += 1) fileName = `project-${stamp}-${seq}.json`;
  await writeProjectFile(root, backupPath(fileName), bytes, { durable: false });
  // The copy just written always survives, even if the clock went back since older copies.
  const older = existing.slice(Math.max(0, keep - 1));
  await Promise.all(older.map((entry) => removeProjectFile(root, backupPath(entry.fileName)).catch(() => undefined)));
  return fileName;
}

/** Rotating backups that parse as a valid project (migrated if old), newest first. */
export async function listGoodBackups(root: string): Promise<BackupInfo[]> {
  const good: BackupInfo[] = [];
  for (const entry of await rotatingBackups(root)) {
    const bytes = await readProjectFileIfSafe(root, backupPath(entry.fileName), 'backup');
    if (!bytes) continue;
    const parsed = await parseProjectBytes(bytes);
    if (!parsed.ok) continue;
    good.push({ fileName: entry.fileName, savedAt: entry.savedAt.toISOString(), title: parsed.project.title, panelCount: parsed.project.panels.length });
  }
  return good;
}

/**
 * Keeps the untouched bytes of a project.json about to be migrated, durably, before anything is
 * saved over it. Returns its project-relative path. Reopening the same old file reuses the copy.
 */
export async function keepOriginalBeforeMigration(root: string, bytes: Uint8Array, fromVersion: number, now: Date): Promise<string> {
  const prefix = `project-v${fromVersion}-original-`;
  const names = await listProjectFolder(root, BACKUPS_DIR);
  for (const name of names.filter((n) => n.startsWith(prefix) && ORIGINAL_NAME.test(n))) {
    const existing = await readProjectFileIfSafe(root, backupPath(name), 'backup');
    if (existing && Buffer.compare(existing, bytes) === 0) return backupPath(name);
  }
  const fileName = `${prefix}${backupStamp(now)}.json`;
  await writeProjectFile(root, backupPath(fileName), bytes);
  return backupPath(fileName);
}
