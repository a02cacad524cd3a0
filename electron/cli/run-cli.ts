/**
 * The `castboard` command's dispatcher: picks the command, prints help, maps failures to exit
 * codes (2 for usage mistakes, 1 for everything else) with a message naming the fix.
 */
import { DEFAULT_GATEWAY_BASE_URL } from '../../shared/domain/gateway-url';
import { redactOutgoing, redactSecretsDeep, registerSecret } from '../services/logging/redact';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './cli-io';
import { cliMessage } from './cli-messages';
import { optionErrorMessage, unknownCommandMessage } from './option-errors';

/** A command's module, loaded only when that command runs (or shows its help). */
interface CommandModule {
  help: string;
  /** The help of the subcommand named in `args` (`panel image --help`), when it has its own. */
  helpFor?: (args: string[]) => string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

interface Command {
  summary: string;
  load: () => Promise<CommandModule>;
}

// Commands are imported lazily so `castboard --help`, a mistyped command and the light commands
// never load sharp, the openai SDK or the generation services (start-up is most of a short run).
const commands: Record<string, Command> = {
  init: { summary: 'create a project folder, with its character', load: async () => { const m = await import('./commands/init'); return { help: m.initHelp, run: m.runInit }; } },
  character: { summary: "set the character's name, description and reference image", load: async () => { const m = await import('./commands/character'); return { help: m.characterHelp, run: m.runCharacter }; } },
  panel: { summary: 'add a panel or put an image into one (panel add, panel image)', load: async () => { const m = await import('./commands/panel'); return { help: m.panelHelp, helpFor: m.panelHelpFor, run: m.runPanel }; } },
  style: { summary: "set the project's look: style type, rendering speed, magic prompt, palette (style set)", load: async () => { const m = await import('./commands/style'); return { help: m.styleHelp, run: m.runStyle }; } },
  generate: { summary: 'generate panels (states the cost and asks first)', load: async () => { const m = await import('./commands/generate'); return { help: m.generateHelp, run: m.runGenerate }; } },
  restyle: { summary: 'restyle panels in a new style (states the cost and asks first)', load: async () => { const m = await import('./commands/restyle'); return { help: m.restyleHelp, run: m.runRestyle }; } },
  render: { summary: 'render the character into panel sketches or imported images (states the cost and asks first)', load: async () => { const m = await import('./commands/render'); return { help: m.renderHelp, run: m.runRender }; } },
  export: { summary: 'export the contact sheet, PDF boards, animatic, timeline or shot list', load: async () => { const m = await import('./commands/export'); return { help: m.exportHelp, run: m.runExportCommand }; } },
  info: { summary: 'show what is in a project', load: async () => { const m = await import('./commands/info'); return { help: m.infoHelp, run: m.runInfo }; } },
  consistency: { summary: 'check that every panel still shows the character (free, local)', load: async () => { const m = await import('./commands/consistency'); return { help: m.consistencyHelp, run: m.runConsistency }; } },
  check: { summary: 'test your API key and the gateway connection', load: async () => { const m = await import('./commands/check'); return { help: m.checkHelp, run: m.runCheck }; } },
};

/** The message for a failure that is not a usage mistake. */
async function failureMessage(error: unknown, io: CliIo): Promise<string> {
  const { isCastboardError } = await import('../../shared/errors');
  if (isCastboardError(error)) return cliMessage(error.message);
  if (io.env.CASTBOARD_DEBUG && error instanceof Error && error.stack) return error.stack;
  const detail = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${detail}. Run again with CASTBOARD_DEBUG=1 for details, and report it if it persists.`;
}

export function mainHelp(version: string): string {
  const list = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(12)} ${command.summary}`);
  return [
    `castboard ${version} — storyboards with a consistent character, from the command line`,
    '',
    'Usage: castboard <command> [options]',
    '',
    'Commands:',
    ...list,
    '',
    'Run `castboard <command> --help` for the options of a command.',
    `Environment: AIGATEWAY_API_KEY (your key), AIGATEWAY_BASE_URL (default ${DEFAULT_GATEWAY_BASE_URL}).`,
    'Exit codes: 0 success, 1 failure, 2 usage error.',
  ].join('\n');
}

/**
 * What the CLI prints never carries the key: stderr (errors, progress, debug lines, where gateway
 * messages land) is redacted by shape and by the known key; stdout (results, which quote the
 * artist's own text) only has the key itself cut out.
 */
function redactingIo(io: CliIo): CliIo {
  registerSecret(io.env.AIGATEWAY_API_KEY?.trim());
  return {
    ...io,
    stdout: (line) => io.stdout(redactSecretsDeep(line)),
    stderr: (line) => io.stderr(redactOutgoing(line)),
    ...(io.stderrWrite ? { stderrWrite: (text: string) => io.stderrWrite?.(redactOutgoing(text)) } : {}),
  };
}

export async function runCli(argv: string[], rawIo: CliIo, version: string): Promise<number> {
  // sharp's untrusted loaders are blocked wherever sharp is loaded (image-safety/sharp-gate.ts),
  // so commands that never touch an image do not pay for loading it.
  const io = redactingIo(rawIo);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp(version));
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(version);
    return EXIT_OK;
  }
  // Own keys only: `castboard constructor` must not find Object.prototype's.
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr(unknownCommandMessage(name, Object.keys(commands)));
    return EXIT_USAGE;
  }
  let help = '';
  try {
    const loaded = await command.load();
    help = loaded.helpFor?.(rest) ?? loaded.help;
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(help);
      return EXIT_OK;
    }
    return await loaded.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`castboard ${name}: ${optionErrorMessage(error as Error & { code?: string }, help)}\nRun \`castboard ${name} --help\` for the options.`);
      return EXIT_USAGE;
    }
    io.stderr(`castboard ${name}: ${await failureMessage(error, io)}`);
    return EXIT_FAILURE;
  }
}
