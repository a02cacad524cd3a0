/**
 * The CLI's debug log: with CASTBOARD_DEBUG=1 every command's service logs go to stderr, each
 * line redacted (the API key, bearer tokens, `sk-` keys) like the app's log file. Without it,
 * nothing is printed.
 */
import { silentLogger, type Logger } from '../services/logger';
import { createRedactingLogger, registeredSecrets } from '../services/logging/redact';
import type { CliIo } from './cli-io';

export function cliLogger(io: CliIo): Logger {
  if (!io.env.CASTBOARD_DEBUG) return silentLogger;
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => io.stderr(`[${level}] ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return createRedactingLogger({ info: line('info'), warn: line('warn'), error: line('error') }, registeredSecrets);
}
