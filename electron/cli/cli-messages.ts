/**
 * The services write their messages for the app (Settings, Resume, Retry). On the command line
 * the same facts need command-line fixes: this rewrites those sentences, keeping everything else
 * (including the gateway's own words) as it was. Invariant: no CLI line names an app control.
 */
const REWRITES: Array<[RegExp, string]> = [
  [/Check the key in Settings, then press Resume\./g, 'Check AIGATEWAY_API_KEY with `castboard check`, then run the command again.'],
  [/Top up your AIgateway balance, then press Resume\./g, 'Top up your AIgateway balance, then run the command again.'],
  [/Check your internet connection and the gateway URL in Settings\./g, 'Check your internet connection and AIGATEWAY_BASE_URL (`castboard check` tests it).'],
  [/Check the gateway URL in Settings\./g, 'Check AIGATEWAY_BASE_URL (`castboard check` tests it).'],
  [/or check the gateway URL in Settings\./g, 'or check AIGATEWAY_BASE_URL with `castboard check`.'],
  [/Check the panel's prompt and settings\./g, "Check the panel's scene and the command's options."],
  [/Retry sends it again with the same Idempotency-Key, so a gateway that honours that key does not charge twice\./g, 'Generating this panel again sends a new request, which may be charged again.'],
  [
    /The job is paid for and kept in the project: Collect \(on the panel\) asks the gateway for its image again without sending a new request, and Castboard also asks when the project is next opened\./g,
    'The job is paid for and kept in the project: the next castboard generate or castboard restyle on this project collects its image without sending anything new.',
  ],
  [/press Resume when you want to continue\./g, 'run the command again later.'],
  [/Castboard keeps them and adds them by itself as soon as it can write again: (.+?) and keep Castboard open\./g, 'The command could not wait to keep them: $1 before running it again.'],
  [/Generation continues by itself when the wait is over\./g, 'The batch continues by itself when the wait is over.'],
  [/Make the folder writable again, or use Save As to save a copy somewhere else, then try again\./g, 'Make the folder writable again, then run the command again.'],
  [/ in Settings/g, ''],
];

export function cliMessage(message: string): string {
  return REWRITES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}
