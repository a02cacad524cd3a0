/**
 * electron-log as the app's Logger, writing to `<logs folder>/main.log` (the folder is
 * app.getPath('logs'), passed in by the composition root, so this module runs in plain Node too).
 * Uses electron-log's Node entry on purpose: its Electron entry registers an ipcMain listener for
 * renderer logs that would bypass the IPC registrar's sender check; Castboard's renderer logs
 * nothing through IPC. Only the file and (optionally) console transports are on; remote and IPC are
 * off. Redaction happens before this layer (logging/redact.ts), so both transports get clean lines.
 */
import path from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from '../../services/logger';

export const LOG_FILE_NAME = 'main.log';

export interface FileLoggerOptions {
  directory: string;
  /** Also print to the terminal (development). */
  console?: boolean;
  /** Rotates to main.old.log past this size. */
  maxSizeBytes?: number;
}

export interface FileLogger extends Logger {
  readonly filePath: string;
}

let instances = 0;

export function createFileLogger({ directory, console = false, maxSizeBytes = 5 * 1024 * 1024 }: FileLoggerOptions): FileLogger {
  const filePath = path.join(directory, LOG_FILE_NAME);
  const log = electronLog.create({ logId: `castboard-${++instances}` });
  log.transports.file.resolvePathFn = () => filePath;
  log.transports.file.maxSize = maxSizeBytes;
  log.transports.file.level = 'info';
  log.transports.console.level = console ? 'info' : false;
  // Node's electron-log has no IPC transport (null); switch off whatever exists.
  const { ipc, remote } = log.transports as Partial<typeof log.transports>;
  if (ipc) ipc.level = false;
  if (remote) remote.level = false;

  const write = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    if (fields === undefined) log[level](message);
    else log[level](message, fields);
  };
  return { filePath, info: write('info'), warn: write('warn'), error: write('error') };
}
