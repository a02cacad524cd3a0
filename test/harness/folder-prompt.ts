/**
 * The in-page stand-in for the OS file dialogs when a person tries the app in a browser
 * (`npm run harness`): while a call to main is in flight, the page asks the harness whether main
 * is waiting on a dialog, and if so shows a small modal prompt for the path (a folder, an image
 * file, or the PNG to write). Harness-only: loaded by the bridge, never part of the app; it draws
 * with the DOM directly so the renderer stays unchanged. A modal <dialog> so it sits above the
 * app's own open dialog (e.g. New project).
 */
interface PendingPrompt {
  id: number;
  kind: 'chooseFolder' | 'chooseImageFile' | 'chooseSavePath';
  title: string;
  suggestion: string;
}

const POLL_MS = 400;
const HINTS: Record<PendingPrompt['kind'], string> = {
  chooseFolder: 'Type the path of a folder on this computer.',
  chooseImageFile: 'Type the path of a PNG, JPEG or WebP image on this computer.',
  chooseSavePath: 'Type the path of the PNG file to write.',
};

let inFlight = 0;
let timer: ReturnType<typeof setInterval> | undefined;
let shownId: number | null = null;

/** Wraps an IPC call: prompts are looked for only while main may be waiting on one. */
export async function watchingForPrompts<T>(call: () => Promise<T>): Promise<T> {
  inFlight += 1;
  timer ??= setInterval(() => void poll(), POLL_MS);
  try {
    return await call();
  } finally {
    inFlight -= 1;
    if (inFlight === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }
}

async function poll(): Promise<void> {
  if (shownId !== null) return;
  const response = await fetch('/__harness/prompt');
  const { prompt } = (await response.json()) as { prompt: PendingPrompt | null };
  if (prompt && shownId === null) show(prompt);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  return node;
}

function show(prompt: PendingPrompt): void {
  shownId = prompt.id;
  const dialog = element('dialog');
  dialog.className = 'dialog dialog-narrow harness-prompt';
  dialog.setAttribute('aria-label', prompt.title);
  const form = element('form');
  form.className = 'dialog-body';
  const heading = element('h2', prompt.title);
  heading.style.fontSize = '17px';
  const label = element('label', HINTS[prompt.kind]);
  const input = element('input');
  input.type = 'text';
  input.value = prompt.suggestion;
  input.setAttribute('aria-label', 'Path');
  label.htmlFor = input.id = `harness-prompt-${prompt.id}`;
  const note = element('p', 'Browser harness: this stands in for the system file dialog.');
  note.className = 'muted small';
  const actions = element('div');
  actions.className = 'dialog-actions';
  const cancel = element('button', 'Cancel');
  cancel.type = 'button';
  const ok = element('button', 'Choose');
  ok.type = 'submit';
  ok.className = 'button-primary';
  actions.append(cancel, ok);
  form.append(heading, label, input, note, actions);
  dialog.append(form);
  document.body.append(dialog);

  const finish = (answer: string | null) => {
    dialog.close();
    dialog.remove();
    void fetch('/__harness/prompt', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: prompt.id, answer }) }).finally(() => {
      shownId = null;
    });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    finish(input.value);
  });
  cancel.addEventListener('click', () => finish(null));
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish(null);
  });
  dialog.showModal();
  input.focus();
  input.select();
}
