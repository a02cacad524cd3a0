/**
 * Making a folder read-only for real, for tests: chmod when not root. Root ignores permission
 * bits, so as root the folder is made immutable with `chattr +i` (the kernel then refuses root
 * too). Returns how, or null when this machine offers neither (root without
 * CAP_LINUX_IMMUTABLE, or a file system without attributes); `undoers` gets what puts it back.
 */
import { spawnSync } from 'node:child_process';
import { chmod, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function canWrite(dir: string): Promise<boolean> {
  const probe = path.join(dir, '.write-probe');
  try {
    await writeFile(probe, 'x', { flag: 'wx' });
    await unlink(probe);
    return true;
  } catch {
    return false;
  }
}

export async function makeReadOnly(dir: string, undoers: Array<() => Promise<void>>): Promise<'chmod' | 'chattr' | null> {
  await chmod(dir, 0o555);
  undoers.push(() => chmod(dir, 0o755));
  if (!(await canWrite(dir))) return 'chmod';
  await chmod(dir, 0o755);
  const set = spawnSync('chattr', ['+i', dir]);
  if (set.status === 0) {
    undoers.unshift(async () => void spawnSync('chattr', ['-i', dir]));
    if (!(await canWrite(dir))) return 'chattr';
  }
  return null;
}
