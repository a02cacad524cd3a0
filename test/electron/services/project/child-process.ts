/** Runs test/electron/services/project/project-child.ts in a separate Node process (through tsx). */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const childScript = path.join(here, 'project-child.ts');

export interface ChildAnswer {
  ok: boolean;
  code?: string;
  message?: string;
  status?: { state: string; dirty: boolean; message: string | null };
}

/**
 * `fileSizeLimitBlocks` runs the child under `ulimit -f` (512-byte blocks in POSIX sh): the
 * kernel then refuses (EFBIG) any write that would make a file larger — for root as well — which
 * is how a full disk looks to a program.
 */
export function runProjectChild(mode: 'open' | 'edit-save', folder: string, options: { fileSizeLimitBlocks?: number } = {}): Promise<ChildAnswer> {
  const nodeArgs = ['--import', 'tsx', childScript, mode, folder];
  const [command, args] =
    options.fileSizeLimitBlocks === undefined
      ? [process.execPath, nodeArgs]
      : ['/bin/sh', ['-c', `ulimit -f ${options.fileSizeLimitBlocks} && exec "$0" "$@"`, process.execPath, ...nodeArgs]];
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: repoRoot, timeout: 30_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as ChildAnswer);
      } catch {
        reject(new Error(`project child gave no answer (${error?.message ?? 'no error'}): ${stderr}`));
      }
    });
  });
}
