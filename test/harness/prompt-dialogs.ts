/**
 * The harness's interactive dialogs: when a test has scripted no answer and the harness runs for
 * a person (`npm run harness`), a file dialog becomes a prompt the page shows (test/harness/
 * folder-prompt.ts, loaded by the bridge) instead of a silent "cancelled". One prompt at a time
 * per dialog call; the page asks for the pending one and answers it by id. Tests keep scripted
 * dialogs: with no script and no interactive mode, a dialog answers "cancelled" as before.
 */
import { homedir } from 'node:os';
import type { DialogPort } from '../../electron/services/dialogs';
import type { DialogKind } from './harness-adapters';

export interface PendingPrompt {
  id: number;
  kind: DialogKind;
  title: string;
  /** What the field starts with: a suggested path. */
  suggestion: string;
}

export interface PromptBoard {
  pending(): PendingPrompt | null;
  /** Resolves the prompt; false when no prompt has this id (already answered). */
  answer(id: number, answer: string | null): boolean;
  /** Answers every waiting prompt "cancelled": the page that would have shown them is gone. */
  cancelAll(): void;
}

export function createPromptDialogs(scripted: DialogPort & { hasScript(kind: DialogKind): boolean }): DialogPort & PromptBoard {
  const waiting: Array<PendingPrompt & { resolve(answer: string | null): void }> = [];
  let ids = 0;
  const ask = (kind: DialogKind, title: string, suggestion: string) =>
    new Promise<string | null>((resolve) => waiting.push({ id: ++ids, kind, title, suggestion, resolve }));
  return {
    chooseFolder: (options) => (scripted.hasScript('chooseFolder') ? scripted.chooseFolder(options) : ask('chooseFolder', options.title, homedir())),
    chooseImageFile: (options) => (scripted.hasScript('chooseImageFile') ? scripted.chooseImageFile(options) : ask('chooseImageFile', options.title, homedir())),
    chooseSavePath: (options) => (scripted.hasScript('chooseSavePath') ? scripted.chooseSavePath(options) : ask('chooseSavePath', options.title, options.defaultPath ?? homedir())),
    // A yes/no question has no path to type: it answers as scripted ("no" without a script).
    confirm: (options) => scripted.confirm(options),
    pending() {
      const first = waiting[0];
      return first ? { id: first.id, kind: first.kind, title: first.title, suggestion: first.suggestion } : null;
    },
    answer(id, answer) {
      const index = waiting.findIndex((prompt) => prompt.id === id);
      if (index < 0) return false;
      const [prompt] = waiting.splice(index, 1);
      prompt?.resolve(answer === null || answer.trim() === '' ? null : answer.trim());
      return true;
    },
    cancelAll() {
      for (const prompt of waiting.splice(0)) prompt.resolve(null);
    },
  };
}
