/**
 * The `castboard` command's dispatcher: picks the command, prints help, maps failures to exit
 * codes (2 for usage mistakes, 1 for everything else) with a message naming the fix.
 */
import { DEFAULT_GATEWAY_BASE_URL } from '../../shared/domain/settings';
import { isCastboardError } from '../../shared/errors';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './cli-io';
import { characterHelp, runCharacter } from './commands/character';
import { checkHelp, runCheck } from './commands/check';
import { exportHelp, runExportCommand } from './commands/export';
import { generateHelp, runGenerate } from './commands/generate';
import { infoHelp, runInfo } from './commands/info';
import { initHelp, runInit } from './commands/init';
import { panelHelp, runPanel } from './commands/panel';
import { restyleHelp, runRestyle } from './commands/restyle';
import { cliMessage } from './cli-messages';

interface Command {
  summary: string;
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = {
  init: { summary: 'create a project folder, with its character', help: initHelp, run: runInit },
  character: { summary: "set the character's name, description and reference image", help: characterHelp, run: runCharacter },
  panel: { summary: 'add a panel (panel add)', help: panelHelp, run: runPanel },
  generate: { summary: 'generate panels (states the cost and asks first)', help: generateHelp, run: runGenerate },
  restyle: { summary: 'restyle panels in a new style (states the cost and asks first)', help: restyleHelp, run: runRestyle },
  export: { summary: 'write the contact sheet PNG', help: exportHelp, run: runExportCommand },
  info: { summary: 'show what is in a project', help: infoHelp, run: runInfo },
  check: { summary: 'test your API key and the gateway connection', help: checkHelp, run: runCheck },
};

/** The message for a failure that is not a usage mistake. */
function failureMessage(error: unknown, io: CliIo): string {
  if (isCastboardError(error)) return cliMessage(error.message);
  if (io.env.CASTBOARD_DEBUG && error instanceof Error && error.stack) return error.stack;
  const detail = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${detail}. Run again with CASTBOARD_DEBUG=1 for details, and report it if it persists.`;
}

export function mainHelp(version: string): string {
  const list = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
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

export async function runCli(argv: string[], io: CliIo, version: string): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp(version));
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(version);
    return EXIT_OK;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`castboard: unknown command "${name}". Run \`castboard --help\` to see the commands.`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`castboard ${name}: ${(error as Error).message}\nRun \`castboard ${name} --help\` for the options.`);
      return EXIT_USAGE;
    }
    io.stderr(`castboard ${name}: ${failureMessage(error, io)}`);
    return EXIT_FAILURE;
  }
}
