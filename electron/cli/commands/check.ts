/** `castboard check`: tests AIGATEWAY_API_KEY against AIGATEWAY_BASE_URL without spending anything. */
import { parseArgs } from 'node:util';
import { DEFAULT_GATEWAY_BASE_URL } from '../../../shared/domain/settings';
import { testGatewayConnection } from '../../services/gateway/connection-test';
import { gatewayBaseUrl, requireApiKey } from '../cli-gateway';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from '../cli-io';

export const checkHelp = `Usage: castboard check [--json]

Checks that the gateway answers and accepts your key, and shows your balance.
Reads AIGATEWAY_API_KEY and AIGATEWAY_BASE_URL (default ${DEFAULT_GATEWAY_BASE_URL}).
Nothing is generated and nothing is charged.

Options:
  --json    print the result as JSON
  --help    show this help`;

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const apiKey = requireApiKey(io.env);
  const baseUrl = gatewayBaseUrl(io.env);
  const result = await testGatewayConnection({ baseUrl, apiKey, fetch: io.fetch });
  if (values.json) io.stdout(JSON.stringify({ baseUrl, ...result }));
  else io.stdout(result.message);
  return result.ok ? EXIT_OK : EXIT_FAILURE;
}
