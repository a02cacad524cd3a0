/**
 * Runs ffmpeg with raw RGB frames written to its stdin, honouring backpressure (a frame is written
 * only when the pipe has room, so memory stays at a few frames). Cancel kills the process. A
 * failure reports the last lines ffmpeg printed.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { CastboardError } from '../../../shared/errors';
import { cancelled } from './map-limit';

export interface FfmpegPipe {
  /** Writes one frame, waiting while the pipe is full. */
  write(frame: Buffer): Promise<void>;
  /** Closes stdin and waits for ffmpeg to finish the file. */
  finish(): Promise<void>;
  /** Kills ffmpeg (cancel or failure upstream). */
  kill(): void;
}

export function startFfmpeg(binary: string, args: readonly string[], signal?: AbortSignal): FfmpegPipe {
  const child = spawn(binary, args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let tail = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new CastboardError('EXPORT_ENCODER_FAILED', `The video encoder could not start (${error.message}). Reinstall Castboard.`, { cause: error })));
    child.once('close', (code) => resolve(code));
  });
  exited.catch(() => undefined);
  child.stdin.on('error', () => undefined); // EPIPE when ffmpeg stops early: reported through its exit
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', kill, { once: true });
  const failure = (code: number | null) =>
    new CastboardError('EXPORT_ENCODER_FAILED', `The video encoder stopped with an error (exit ${code ?? 'signal'}): ${tail.trim().split('\n').slice(-2).join(' ')}`);
  return {
    async write(frame) {
      if (signal?.aborted) throw cancelled();
      if (child.exitCode !== null || child.stdin.destroyed) throw failure(child.exitCode);
      if (child.stdin.write(frame)) return;
      // A full pipe: wait for room. Cancel kills ffmpeg, so the wait can end in EPIPE: that is a
      // cancel, not an encoder failure (and never a raw pipe error).
      const drained = await Promise.race([once(child.stdin, 'drain').then(() => true), exited.then(() => false)]).catch(() => false);
      if (signal?.aborted) throw cancelled();
      if (!drained) throw failure(await exited);
    },
    async finish() {
      child.stdin.end();
      const code = await exited;
      signal?.removeEventListener('abort', kill);
      if (signal?.aborted) throw cancelled();
      if (code !== 0) throw failure(code);
    },
    kill,
  };
}
