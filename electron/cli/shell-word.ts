/**
 * A path or name as one word of a command the CLI prints for the artist to paste. Project folders
 * usually hold spaces ("Film Noir.castboard"), so a bare path would paste as several arguments.
 * POSIX shells take single quotes literally (a quote inside is closed, escaped and reopened);
 * on Windows, double quotes (a Windows path cannot hold one) work in Command Prompt and PowerShell.
 * A word with nothing a shell reads specially is printed as it is, so plain paths stay readable.
 */
const PLAIN = /^[\w@%+=:,./\\-]+$/;

export function posixWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function shellWord(text: string, platform: NodeJS.Platform = process.platform): string {
  if (text !== '' && PLAIN.test(text) && !(platform !== 'win32' && text.includes('\\'))) return text;
  return platform === 'win32' ? `"${text}"` : posixWord(text);
}
