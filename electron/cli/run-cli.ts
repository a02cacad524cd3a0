/**
 * The `castboard` command's dispatcher: picks the command, prints help, maps failures to exit
 * codes (2 for usage mistakes, 1 for everything else) with a message naming the fix.
 */
import { isCastboardError } from '../../shared/errors';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './cli-io';
import { checkHelp, runCheck } from './commands/check';

interface Command {
  summary: string;
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = {
  check: { summary: 'test your API key and the gateway connection', help: checkHelp, run: runCheck },
};

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
    io.stderr(`castboard ${name}: ${isCastboardError(error) ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
}
