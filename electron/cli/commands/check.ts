/** `castboard check`: tests AIGATEWAY_API_KEY against AIGATEWAY_BASE_URL without spending anything. */
import { parseArgs } from 'node:util';
import { DEFAULT_GATEWAY_BASE_URL } from '../../../shared/domain/settings';
import { testGatewayConnection } from '../../services/gateway/connection-test';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from '../cli-io';

export const checkHelp = `Usage: castboard check [--json]

Checks that the gateway answers and accepts your key, and shows your balance.
Reads AIGATEWAY_API_KEY and AIGATEWAY_BASE_URL (default ${DEFAULT_GATEWAY_BASE_URL}).
Nothing is generated and nothing is charged.

Options:
  --json    print the result as JSON
  --help    show this help`;

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const apiKey = io.env.AIGATEWAY_API_KEY;
  if (!apiKey) throw new UsageError('AIGATEWAY_API_KEY is not set. Export your AIgateway key first: export AIGATEWAY_API_KEY=...');
  const baseUrl = io.env.AIGATEWAY_BASE_URL ?? DEFAULT_GATEWAY_BASE_URL;
  const result = await testGatewayConnection({ baseUrl, apiKey, fetch: io.fetch });
  if (values.json) io.stdout(JSON.stringify({ baseUrl, ...result }));
  else io.stdout(result.message);
  return result.ok ? EXIT_OK : EXIT_FAILURE;
}
