/**
 * New project: a title and the aspect ratio every panel is drawn in. Main then asks where to put
 * the `<Title>.castboard` folder; cancelling that folder dialog keeps this one open.
 * Cancel and Create project sit in the modal's pinned footer, in view at 1024x640 even under a
 * long error (a folder path); Create project submits the form through form=, as Enter in the
 * title box does.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ASPECT_RATIOS, type AspectRatio } from '../../../shared/domain/aspect-ratios';
import { useAppStore } from '../../state/store-context';
import { Modal } from '../../ui/Modal';

const ASPECT_LABELS: Record<AspectRatio, string> = {
  '16:9': 'Widescreen',
  '2.39:1': 'Cinemascope',
  '4:3': 'Classic TV',
  '1:1': 'Square',
  '9:16': 'Vertical',
  '3:2': 'Photo',
};

function NewProjectForm({ formId, onClose }: { formId: string; onClose: () => void }) {
  const { createProject, openError } = useAppStore(useShallow((s) => ({ createProject: s.createProject, openError: s.openError })));
  const [title, setTitle] = useState('');
  const [aspectRatio, setAspectRatio] = useState<AspectRatio>('16:9');
  const [cancelled, setCancelled] = useState(false);
  // Create project stays pressable: a button greyed out with no reason leaves the artist guessing.
  const [titleMissing, setTitleMissing] = useState(false);
  const titleBox = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCancelled(false);
    if (title.trim() === '') {
      setTitleMissing(true);
      titleBox.current?.focus();
      return;
    }
    const created = await createProject(title.trim(), aspectRatio);
    if (created) onClose();
    else setCancelled(true);
  };

  return (
    <form id={formId} className="new-project" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={`${id}-title`}>Project title</label>
        <input
          id={`${id}-title`}
          ref={titleBox}
          type="text"
          data-autofocus
          maxLength={200}
          value={title}
          placeholder="e.g. Night Market, episode 1"
          aria-invalid={titleMissing}
          aria-describedby={titleMissing ? `${id}-title-missing` : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            if (event.target.value.trim() !== '') setTitleMissing(false);
          }}
        />
        {titleMissing && (
          <p id={`${id}-title-missing`} className="text-error small">
            Give the project a title: it names the project and its folder.
          </p>
        )}
      </div>
      <fieldset className="aspect-grid">
        <legend>Aspect ratio</legend>
        {ASPECT_RATIOS.map((ratio) => (
          <label key={ratio} className={ratio === aspectRatio ? 'aspect-option is-on' : 'aspect-option'}>
            <input type="radio" name={`${id}-aspect`} value={ratio} checked={ratio === aspectRatio} onChange={() => setAspectRatio(ratio)} />
            <span className={`aspect-swatch aspect-${ratio.replace(/[:.]/g, '-')}`} aria-hidden="true" />
            <span className="aspect-name">{ratio}</span>
            <span className="muted small">{ASPECT_LABELS[ratio]}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted small">Next, choose the folder to create the project in. Every take you generate is kept inside it.</p>
      {cancelled && !openError && <p className="field-hint">No folder was chosen. Press Create project to pick one.</p>}
      {openError && (
        <p className="callout callout-error" role="alert">
          {openError.message}
        </p>
      )}
    </form>
  );
}

function NewProjectActions({ formId, onClose }: { formId: string; onClose: () => void }) {
  const busy = useAppStore((s) => s.projectBusy);
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" form={formId} className="button-primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create project'}
      </button>
    </div>
  );
}

/** Opened from the welcome screen or the app menu (a project may be open: main closes it first). */
export function NewProjectDialog() {
  const { open, closeDialog } = useAppStore(useShallow((s) => ({ open: s.dialog?.kind === 'newProject', closeDialog: s.closeDialog })));
  const formId = useId();
  return (
    <Modal open={open} title="New project" onClose={closeDialog} className="dialog-narrow" footer={<NewProjectActions formId={formId} onClose={closeDialog} />}>
      <NewProjectForm formId={formId} onClose={closeDialog} />
    </Modal>
  );
}
