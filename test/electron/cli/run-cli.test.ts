import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { startFakeGateway, type FakeGateway } from '../../fakes/gateway/fake-gateway';

const KEY = 'sk-cli-key-4321';
let gateway: FakeGateway;
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKey: KEY });
});
afterAll(async () => {
  await gateway.close();
});

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env }, '1.2.3');
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('castboard command', () => {
  it('prints help with the command list', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: castboard <command>');
    expect(result.stdout).toContain('check');
  });

  it('exits 2 with no command or an unknown one, naming the fix', async () => {
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(['paint']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('castboard --help');
  });

  it('has --help on every command', async () => {
    const result = await cli(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('AIGATEWAY_API_KEY');
    for (const [command, usage] of [
      ['init', 'Usage: castboard init <dir> --title <title>'],
      ['character', 'Usage: castboard character set <dir>'],
      ['panel', 'Usage: castboard panel add <dir> --scene <text>'],
      ['generate', 'Usage: castboard generate <dir>'],
      ['restyle', 'Usage: castboard restyle <dir> --panels <list> --style <text>'],
      ['export', 'Usage: castboard export <dir> --out <file.png>'],
      ['info', 'Usage: castboard info <dir> [--json]'],
    ] as const) {
      const help = await cli([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain(usage);
      expect((await cli(['--help'])).stdout).toContain(`  ${command} `);
    }
    expect((await cli(['panel', 'add', '--help'])).stdout).toContain('--shot <type>');
  });

  it('exits 2 when the project folder is missing from the command line', async () => {
    const result = await cli(['info']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Give the project folder');
  });

  it('check: exits 2 without a key, 0 with a good one, 1 with a rejected one', async () => {
    const missing = await cli(['check']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('export AIGATEWAY_API_KEY');

    const good = await cli(['check', '--json'], { AIGATEWAY_API_KEY: KEY, AIGATEWAY_BASE_URL: gateway.url });
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, baseUrl: gateway.url });

    const bad = await cli(['check'], { AIGATEWAY_API_KEY: 'sk-wrong-0000', AIGATEWAY_BASE_URL: gateway.url });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('rejected this API key');
  });

  it('exits 2 on an unknown option', async () => {
    const result = await cli(['check', '--colour'], { AIGATEWAY_API_KEY: KEY });
    expect(result.code).toBe(2);
  });

  it('names an unknown option with balanced quotes, and the option it was probably meant to be', async () => {
    const result = await cli(['generate', 'film', '--dryrun']);
    expect(result.code).toBe(2);
    const [first] = result.stderr.split('\n');
    expect(first).toBe('castboard generate: Unknown option "--dryrun". Did you mean --dry-run?');
    for (const quote of ['"', "'"]) expect(result.stderr.split(quote).length % 2, `${quote} balanced`).toBe(1);
    expect(result.stderr).toContain('Run `castboard generate --help` for the options.');
    const unrelated = await cli(['info', 'film', '--colour']);
    expect(unrelated.stderr.split('\n')[0]).toBe('castboard info: Unknown option "--colour".');
  });

  it('names the command an unknown one most likely stands for, typo or another tool\'s word', async () => {
    const typo = await cli(['generte', 'film']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('castboard: unknown command "generte". Did you mean `castboard generate`? Run `castboard --help` to see the commands.');
    expect((await cli(['new', 'film'])).stderr).toContain('Did you mean `castboard init`?');
    const unrelated = await cli(['banana']);
    expect(unrelated.stderr).toBe('castboard: unknown command "banana". Run `castboard --help` to see the commands.');
    // A name every object has is still not a command.
    const inherited = await cli(['constructor']);
    expect(inherited.code).toBe(2);
    expect(inherited.stderr).toContain('unknown command "constructor"');
  });

  it('shows the help of the subcommand asked about, and each paid command its own defaults', async () => {
    const image = await cli(['panel', 'image', '--help']);
    expect(image.code).toBe(0);
    expect(image.stdout).toMatch(/^Usage: castboard panel image <dir> --panel <n> --image <file>/);
    expect(image.stdout).not.toContain('--scene');
    const add = await cli(['panel', 'add', '--help']);
    expect(add.stdout).toContain('--scene <text>');
    expect(add.stdout).not.toContain('--panel <n>');
    expect((await cli(['panel', '--help'])).stdout).toContain('castboard panel image');

    const restyle = (await cli(['restyle', '--help'])).stdout;
    const render = (await cli(['render', '--help'])).stdout;
    const generate = (await cli(['generate', '--help'])).stdout;
    for (const help of [restyle, render]) {
      expect(help).toMatch(/--variations <n> +images per panel, 1-4 \(default 1\)\n/);
      expect(help).not.toContain('generate:');
    }
    expect(generate).toMatch(/--variations <n> +images per panel, 1-4 \(default: the project's, set with castboard style set --variations\)\n/);
  });

  it('calls the take a panel shows "the take on the board" in every help, as the app does', async () => {
    const commands = ['init', 'character', 'panel', 'panel add', 'panel image', 'style', 'generate', 'restyle', 'render', 'export', 'info', 'consistency', 'check'];
    const helps = new Map<string, string>();
    for (const command of commands) helps.set(command, (await cli([...command.split(' '), '--help'])).stdout);
    for (const [command, help] of helps) expect(help, command).not.toMatch(/active take|made active/i);
    for (const command of ['panel image', 'generate', 'restyle', 'render', 'export', 'info', 'consistency']) expect(helps.get(command), command).toMatch(/on the\s+board/);
    // The flag keeps its name (scripts use it); its help says what it does in the app's words.
    for (const command of ['generate', 'restyle']) expect(helps.get(command), command).toMatch(/--activate +put the new image on the board/);
    expect(helps.get('info')).toContain('"activeImage" is the file of its take on the board');
  });
});
