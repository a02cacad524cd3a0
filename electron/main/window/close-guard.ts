/**
 * Asks before work could be lost: closing the window (or quitting), or main switching to a project
 * the OS handed it, while there are unsaved changes or images still being generated.
 * Invariants:
 *  - nothing is asked when nothing is at stake; closing then still saves and closes the project
 *    (releasing its lock) before the window goes;
 *  - the safe answer (keep working) is the default and the Escape answer when jobs are running;
 *  - the project is saved before the window closes, with the edits the window still held (typed
 *    a moment before, not yet sent: `handedEdits` waits for them, briefly); if that save fails,
 *    the artist is told why and chooses between keeping the window and closing without saving;
 *  - one question at a time: a second close request while a dialog is open is ignored;
 *  - if the guard itself fails (the dialog cannot be shown), the window still closes.
 * decideClose()/outcomeFor() are pure; guardWindowClose() is the glue, with the dialog passed in.
 */
import type { BrowserWindow, MessageBoxOptions } from 'electron';

export interface CloseFacts {
  projectTitle: string | null;
  unsavedChanges: boolean;
  jobsRunning: boolean;
  /** Images whose requests are at the gateway now: paid for, lost if the window goes. */
  paidInFlight?: number;
  /** Paid images that could not be written to the project folder yet (disk full): lost if the window goes. */
  heldImages?: number;
}

export type CloseIntent = 'close' | 'switch';

/**
 * How long closing waits for edits the window still holds: it sends them 300 ms after the last
 * keystroke (renderer/state/doc-sync.ts), so this covers a busy main and a slow page, and a page
 * that hangs or died does not keep the window from closing.
 */
export const HANDED_EDITS_WAIT_MS = 2000;

export type CloseOutcome = { proceed: false } | { proceed: true; cancelJobs: boolean };

export interface ClosePrompt {
  options: MessageBoxOptions & { buttons: string[]; defaultId: number; cancelId: number };
  /** The outcome of each button, by index. */
  outcomes: CloseOutcome[];
}

export type CloseDecision = { kind: 'proceed' } | { kind: 'ask'; prompt: ClosePrompt };

const STAY: CloseOutcome = { proceed: false };

function named(title: string | null): string {
  return title ? `“${title}”` : 'this project';
}

export function decideClose(facts: CloseFacts, intent: CloseIntent): CloseDecision {
  const project = named(facts.projectTitle);
  const action = intent === 'close' ? 'Close' : 'Open';
  if (facts.jobsRunning) {
    const held = facts.heldImages ?? 0;
    const paid = (facts.paidInFlight ?? 0) + held;
    const going = action === 'Close' ? 'close' : 'open another project';
    const loseThem = `${going} and lose ${paid === 1 ? 'it' : 'them'}`;
    const message =
      held > 0
        ? `${paid === 1 ? '1 paid image' : `${paid} paid images`} for ${project} could not be written to the project folder yet: free some disk space and wait, or ${loseThem}.`
        : paid > 0
          ? `${paid === 1 ? '1 image is' : `${paid} images are`} still rendering for ${project} and ${paid === 1 ? 'is' : 'are'} paid for: wait, or ${loseThem}.`
          : `Images are still being generated for ${project}.`;
    const detail = [
      held > 0 ? 'Castboard tries again every few seconds and adds them to the project as soon as the folder can be written.' : '',
      paid > 0
        ? `Images still waiting their turn were not sent and cost nothing. Images the gateway accepted as jobs are picked up again the next time you open ${project}.`
        : `${action === 'Close' ? 'Closing' : 'Opening another project'} now cancels them; nothing was sent for them, so nothing is charged.`,
      facts.unsavedChanges ? 'Your other changes are saved first.' : '',
    ].filter(Boolean).join(' ');
    const leave = paid > 0 ? `${action} and Lose ${paid === 1 ? 'It' : 'Them'}` : `Cancel Jobs and ${action}`;
    return {
      kind: 'ask',
      prompt: {
        options: { type: 'warning', message, detail, buttons: [paid > 0 ? 'Wait' : 'Keep Working', leave], defaultId: 0, cancelId: 0, noLink: true },
        outcomes: [STAY, { proceed: true, cancelJobs: true }],
      },
    };
  }
  if (facts.unsavedChanges) {
    return {
      kind: 'ask',
      prompt: {
        options: {
          type: 'question',
          message: `Save the changes to ${project} before ${intent === 'close' ? 'closing' : 'opening another project'}?`,
          detail: 'Castboard saves them to the project folder.',
          buttons: [`Save and ${action}`, 'Cancel'],
          defaultId: 0,
          cancelId: 1,
          noLink: true,
        },
        outcomes: [{ proceed: true, cancelJobs: false }, STAY],
      },
    };
  }
  return { kind: 'proceed' };
}

/** A response index the dialog did not offer counts as the safe answer. */
export function outcomeFor(prompt: ClosePrompt, response: number): CloseOutcome {
  return prompt.outcomes[response] ?? STAY;
}

export function saveFailedPrompt(projectTitle: string | null, reason: string): ClosePrompt {
  return {
    options: {
      type: 'error',
      message: `Castboard could not save ${named(projectTitle)}.`,
      detail: `${reason}\n\nIf you close now, the changes since the last save are lost.`,
      buttons: ['Keep Open', 'Close Without Saving'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    },
    outcomes: [STAY, { proceed: true, cancelJobs: false }],
  };
}

export interface CloseGuardDeps {
  facts(): CloseFacts;
  /** Shows the dialog; resolves to the index of the button pressed. */
  ask(options: ClosePrompt['options']): Promise<number>;
  /**
   * Waits (for a bounded time) until the window has handed main the edits it still holds, so the
   * save that follows has them. Absent: nothing to wait for.
   */
  handedEdits?(): Promise<unknown>;
  /** Cancels jobs when asked, then saves and closes the project. Throws if the save fails. */
  finish(outcome: { cancelJobs: boolean }): Promise<void>;
  /** After the artist chose to stay (e.g. to forget a quit that was in progress). */
  onStay?(): void;
  /** After the window was allowed to close. */
  onClosed?(): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Asks (when needed) and runs `finish`; resolves true when the caller may go ahead. */
export async function confirmAndFinish(deps: CloseGuardDeps, intent: CloseIntent): Promise<boolean> {
  const facts = deps.facts();
  const decision = decideClose(facts, intent);
  const outcome = decision.kind === 'proceed' ? { proceed: true as const, cancelJobs: false } : outcomeFor(decision.prompt, await deps.ask(decision.prompt.options));
  if (!outcome.proceed) return false;
  await deps.handedEdits?.();
  try {
    await deps.finish({ cancelJobs: outcome.cancelJobs });
    return true;
  } catch (error) {
    const prompt = saveFailedPrompt(facts.projectTitle, messageOf(error));
    return outcomeFor(prompt, await deps.ask(prompt.options)).proceed;
  }
}

type GuardedWindow = Pick<BrowserWindow, 'on' | 'close'>;

export function guardWindowClose(window: GuardedWindow, deps: CloseGuardDeps): void {
  let allowed = false;
  let asking = false;
  window.on('close', (event) => {
    if (allowed) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    // A guard that itself fails must not trap the artist in a window that cannot be closed.
    void confirmAndFinish(deps, 'close')
      .catch(() => true)
      .then((proceed) => {
        asking = false;
        if (!proceed) return deps.onStay?.();
        allowed = true;
        window.close();
        deps.onClosed?.();
      });
  });
}
