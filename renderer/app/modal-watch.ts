/**
 * Whether a modal dialog is open in the page, watched on the DOM: every Castboard dialog is a
 * native <dialog> opened with showModal() (ui/Modal.tsx), the same test the keyboard shortcuts
 * use to stay quiet behind a dialog. Calls `onChange` with the current answer at once, then only
 * when it changes.
 */
export function isModalOpen(root: ParentNode = document): boolean {
  return root.querySelector('dialog[open]') !== null;
}

export function watchModalOpen(onChange: (open: boolean) => void): () => void {
  let last = isModalOpen();
  onChange(last);
  if (typeof MutationObserver === 'undefined') return () => undefined;
  const observer = new MutationObserver(() => {
    const open = isModalOpen();
    if (open === last) return;
    last = open;
    onChange(open);
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
  return () => observer.disconnect();
}
