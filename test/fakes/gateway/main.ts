/**
 * `npm run gateway:fake -- --port <p> [--latency <ms>] [--max-inflight <n>] [--async | --url]
 * [--credits <n>] [--api-key <key>] [--rpm <n>]` (--rpm: a requests-per-minute limit with x-ratelimit headers): the fake gateway on its own, for manual use with the app
 * (set the gateway URL setting to the printed base URL). Stays up until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startFakeGateway, type FakeGatewayOptions } from './fake-gateway';

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      latency: { type: 'string' },
      'max-inflight': { type: 'string' },
      async: { type: 'boolean', default: false },
      url: { type: 'boolean', default: false },
      credits: { type: 'string' },
      'api-key': { type: 'string' },
      rpm: { type: 'string' },
    },
    strict: true,
  });
  const options: FakeGatewayOptions = {
    port: intOption(values.port, 'port'),
    latencyMs: intOption(values.latency, 'latency'),
    maxInFlight: intOption(values['max-inflight'], 'max-inflight'),
    mode: values.async ? 'async' : values.url ? 'url' : 'b64',
    credits: intOption(values.credits, 'credits'),
    apiKey: values['api-key'],
  };
  const rpm = intOption(values.rpm, 'rpm');
  if (rpm) options.rpmLimit = { perMinute: rpm };
  const gateway = await startFakeGateway(options);
  console.log(`Fake AIgateway listening: ${gateway.url}`);
  console.log(`mode=${options.mode} latency=${options.latencyMs ?? 0}ms max-inflight=${options.maxInFlight ?? 'none'} credits=${options.credits ?? 'unlimited'}`);
  const stop = (): void => {
    void gateway.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
