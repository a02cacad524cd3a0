/**
 * The status bar's words for a paused queue, one per reason the queue can report. The switch is
 * exhaustive: a reason added to PauseState fails the type check here until it has its own words,
 * so it can never fall through to another reason's (a long Retry-After once read "API key refused").
 */
import type { PauseState } from '../../../shared/domain/jobs';
import { formatCountdown } from '../../lib/format';

/** `now` (epoch ms) is only read for a rate limit, which counts down to `resumeAt`. */
export function pauseStatusText(pause: PauseState, now: number): string {
  switch (pause.reason) {
    case 'rate-limit':
      return `Paused · resuming in ${formatCountdown(pause.resumeAt - now)}`;
    case 'rate-limit-long':
      return 'Paused · the gateway asked for a long wait';
    case 'out-of-credits':
      return 'Paused · out of credits';
    case 'bad-key':
      return 'Paused · API key refused';
    default:
      return unknownReason(pause);
  }
}

function unknownReason(pause: never): never {
  throw new Error(`No status bar words for the pause ${JSON.stringify(pause)}`);
}
