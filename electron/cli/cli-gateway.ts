/**
 * Gateway configuration from the environment: AIGATEWAY_API_KEY and AIGATEWAY_BASE_URL, turned
 * into the same Settings the app uses (SettingsSchema fills every default, e.g. the price per
 * image). A missing key or a malformed URL is a usage error that says what to export.
 */
import { registerSecret } from '../services/logging/redact';
import { DEFAULT_GATEWAY_BASE_URL, SettingsSchema, type Settings } from '../../shared/domain/settings';
import { UsageError, type CliIo } from './cli-io';

export function requireApiKey(env: CliIo['env']): string {
  const key = env.AIGATEWAY_API_KEY?.trim();
  if (!key) throw new UsageError('AIGATEWAY_API_KEY is not set. Export your AIgateway key first: export AIGATEWAY_API_KEY=...');
  registerSecret(key);
  return key;
}

export function gatewayBaseUrl(env: CliIo['env']): string {
  return env.AIGATEWAY_BASE_URL?.trim() || DEFAULT_GATEWAY_BASE_URL;
}

/** App settings for a CLI run; `concurrency` is the number of images requested at once. */
export function cliSettings(env: CliIo['env'], concurrency?: number): Settings {
  const parsed = SettingsSchema.safeParse({ gatewayBaseUrl: gatewayBaseUrl(env), concurrency });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.path[0] === 'gatewayBaseUrl') {
    throw new UsageError(`AIGATEWAY_BASE_URL is not usable: ${issue.message}. Fix it, or unset it to use ${DEFAULT_GATEWAY_BASE_URL}.`);
  }
  throw new UsageError(`Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown problem'}.`);
}
