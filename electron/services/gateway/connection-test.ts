/**
 * "Test connection" in Settings: checks the key and base URL against the gateway without spending
 * anything. It asks `GET /models/{id}` for both Ideogram models and `GET /balance` when the gateway
 * has it, and answers one sentence the artist can act on. Never retries, never throws for gateway
 * answers: every outcome is a ConnectionTest.
 */
import OpenAI from 'openai';
import { IDEOGRAM_CHARACTER_MODEL, IDEOGRAM_REMIX_MODEL, type ConnectionTest } from '../../../shared/domain/gateway';
import { gatewaySaid, wordsOf } from './gateway-errors';

export interface ConnectionTestOptions {
  baseUrl: string;
  apiKey: string | undefined;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

function describeFailure(error: unknown, baseUrl: string): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return `The gateway at ${baseUrl} did not answer in time. Check the URL, or try again in a minute.`;
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return `Castboard could not reach ${baseUrl}. Check the gateway URL and your internet connection.`;
  }
  if (error instanceof OpenAI.APIError) {
    const said = gatewaySaid(wordsOf({ error: error.error as unknown }));
    if (error.status === 401 || error.status === 403) return `The gateway rejected this API key. Copy the whole key from your AIgateway dashboard and save it again.${said}`;
    if (error.status === 402) return `The key works, but the account is out of credits. Top up your AIgateway balance.${said}`;
    return `The gateway answered with an error (${error.status ?? 'no status'}). Check the gateway URL; if it is right, try again later.${said}`;
  }
  return 'The connection test failed unexpectedly. Try again; if it keeps failing, check the gateway URL.';
}

/** Reads `{ balance_cents }` or `{ balance }` (dollars); anything else counts as "no balance". */
function readBalanceCents(body: unknown): number | null {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (typeof record.balance_cents === 'number') return record.balance_cents;
  if (typeof record.balance === 'number') return Math.round(record.balance * 100);
  return null;
}

export async function testGatewayConnection(options: ConnectionTestOptions): Promise<ConnectionTest> {
  const { baseUrl, apiKey } = options;
  if (!apiKey) return { ok: false, message: 'Add your AIgateway API key first.', models: [], balanceCents: null };
  const client = new OpenAI({ apiKey, baseURL: baseUrl, maxRetries: 0, timeout: options.timeoutMs ?? 15_000, fetch: options.fetch });

  const models: ConnectionTest['models'] = [];
  for (const id of [IDEOGRAM_CHARACTER_MODEL, IDEOGRAM_REMIX_MODEL]) {
    try {
      await client.models.retrieve(id);
      models.push({ id, available: true });
    } catch (error) {
      if (error instanceof OpenAI.NotFoundError) {
        models.push({ id, available: false });
        continue;
      }
      return { ok: false, message: describeFailure(error, baseUrl), models, balanceCents: null };
    }
  }

  // /balance is optional: gateways without it still pass the test.
  const balanceCents = await client.get<unknown>('/balance').then(readBalanceCents, () => null);
  const missing = models.filter((model) => !model.available).map((model) => model.id);
  if (missing.length > 0) {
    return { ok: false, message: `Connected, but the gateway does not offer ${missing.join(' and ')}. Check the gateway URL.`, models, balanceCents };
  }
  const balanceText = balanceCents === null ? '' : ` Balance: $${(balanceCents / 100).toFixed(2)}.`;
  return { ok: true, message: `Connected. Both Ideogram Character models are available.${balanceText}`, models, balanceCents };
}
