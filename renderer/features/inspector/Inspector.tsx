/**
 * The inspector for the focused panel: the active take large, then collapsible sections (Takes,
 * Panel, Dialogue, Generate, What the model reads, Restyle, then those other features add; each
 * remembers whether it is open) and a one-row Generate bar pinned at the bottom. Panel actions
 * (insert before/after, duplicate, delete) sit in its header. With several panels selected, a
 * strip offers the batch actions. Other features add a section by wrapping their component in
 * CollapsibleSection here.
 */
import { useLayoutEffect, useRef, type FocusEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Panel } from '../../../shared/domain/project';
import { useAppStore } from '../../state/store-context';
import { liveSelection } from '../../state/selection-slice';
import { Icon, type IconName } from '../../ui/Icon';
import { PanelJobStatus } from '../../ui/PanelJobStatus';
import { usePanelJob } from '../../ui/use-panel-job';
import { CollapsibleSection } from '../../ui/CollapsibleSection';
import { FieldScope } from '../../ui/field-scope';
import { GenerateBar, GenerateOptions } from './GenerateBar';
import { DialogueFields, PanelFields } from './PanelFields';
import { PromptPreview } from './PromptPreview';
import { RestyleSection } from './RestyleSection';
import { TakePreview, TakeStrip } from './TakeStrip';

/**
 * A field the keyboard lands on is shown whole. Chromium scrolls a focused element into view only
 * when none of it shows, so a tall field half under the pinned Generate bar (the Scene box at
 * 1280x720) stayed cut off while the artist typed into it.
 */
function revealFocused(event: FocusEvent<HTMLDivElement>): void {
  const box = event.currentTarget.getBoundingClientRect();
  const field = event.target.getBoundingClientRect();
  if (field.bottom > box.bottom || field.top < box.top) event.target.scrollIntoView({ block: 'nearest' });
}

function ToolButton({ icon, label, onClick }: { icon: IconName; label: string; onClick: () => void }) {
  return (
    <button type="button" className="button-ghost icon-button" aria-label={label} title={label} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );
}

function InspectorEmpty({ hasPanels }: { hasPanels: boolean }) {
  return (
    <div className="inspector-empty">
      <h2>No panel selected</h2>
      <p className="muted">{hasPanels ? 'Click a panel on the board to edit its scene, framing and dialogue.' : 'Add a panel to start: each one is a shot in your story.'}</p>
    </div>
  );
}

/**
 * The scroller's ref; it scrolls back to the top when the inspector moves to another panel. Not
 * on mount: a new scroller is at the top already, and setting scrollTop forces a layout of the
 * whole page in the render that shows the inspector.
 */
function useScrollToTop(panelId: string | undefined) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const shownPanel = useRef(panelId);
  useLayoutEffect(() => {
    if (shownPanel.current === panelId) return;
    shownPanel.current = panelId;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [panelId]);
  return scrollRef;
}

/** The sections after the takes, in order; each remembers whether it is open under its id. */
const PANEL_SECTIONS: ReadonlyArray<{ id: string; title: string; icon?: IconName; Body: (props: { panel: Panel }) => ReactNode }> = [
  { id: 'inspector.panel', title: 'Panel', Body: PanelFields },
  { id: 'inspector.dialogue', title: 'Dialogue', Body: DialogueFields },
  { id: 'inspector.generate', title: 'Generate', Body: GenerateOptions },
  { id: 'inspector.prompt', title: 'What the model reads', Body: PromptPreview },
  { id: 'inspector.restyle', title: 'Restyle', icon: 'wand', Body: RestyleSection },
];

export interface InspectorProps {
  onGenerateSelection: () => void;
  onDeletePanel: (panelId: string) => void;
  /** Sections other features add for the panel (composed in app/). */
  extraSections?: (panel: Panel) => ReactNode;
}

export function Inspector({ onGenerateSelection, onDeletePanel, extraSections }: InspectorProps) {
  const { panel, index, selectionCount, hasPanels, insertPanel, duplicatePanels } = useAppStore(
    useShallow((s) => {
      const panels = s.doc?.panels ?? [];
      const at = panels.findIndex((candidate) => candidate.id === s.focusedId);
      return {
        panel: at >= 0 ? panels[at] : undefined,
        index: at,
        selectionCount: liveSelection(s.doc, s.selectedIds).length,
        hasPanels: panels.length > 0,
        insertPanel: s.insertPanel,
        duplicatePanels: s.duplicatePanels,
      };
    }),
  );
  const job = usePanelJob(panel?.id ?? '');
  const scrollRef = useScrollToTop(panel?.id);
  const takeCount = useAppStore((s) => (panel ? (s.takesByPanel[panel.id]?.length ?? 0) : 0));
  // A panel just added opens its Panel section, folded or not, so its Scene field can take the keyboard.
  const sceneWanted = useAppStore((s) => s.sceneFocusFor !== null && s.sceneFocusFor === panel?.id);
  if (!panel) {
    return (
      <aside className="inspector" aria-label="Panel inspector">
        <InspectorEmpty hasPanels={hasPanels} />
      </aside>
    );
  }
  const number = index + 1;
  return (
    <aside className="inspector" aria-label="Panel inspector">
      <header className="inspector-header">
        <h2>Panel {number}</h2>
        <div className="inspector-tools">
          <ToolButton icon="before" label="Insert panel before" onClick={() => insertPanel(panel.id, 'before')} />
          <ToolButton icon="after" label="Insert panel after" onClick={() => insertPanel(panel.id, 'after')} />
          <ToolButton icon="copy" label="Duplicate panel" onClick={() => duplicatePanels([panel.id])} />
          <ToolButton icon="trash" label="Delete panel" onClick={() => onDeletePanel(panel.id)} />
        </div>
      </header>
      {selectionCount > 1 && (
        <div className="selection-strip">
          <span>{selectionCount} panels selected</span>
          <button type="button" className="button-small" onClick={onGenerateSelection}>
            Generate selected
          </button>
        </div>
      )}
      {/* Not remounted per panel (that cost a whole new DOM on each arrow step): a newly selected
          panel starts at the top (useScrollToTop) and its fields' drafts start fresh (FieldScope). */}
      <FieldScope.Provider value={panel.id}>
        <div className="inspector-scroll" ref={scrollRef} onFocus={revealFocused}>
          <TakePreview panel={panel} number={number} />
          <PanelJobStatus panelNumber={number} job={job} variant="inspector" />
          <CollapsibleSection id="inspector.takes" title="Takes" count={takeCount}>
            <TakeStrip panel={panel} number={number} />
          </CollapsibleSection>
          {PANEL_SECTIONS.map(({ id, title, icon, Body }) => (
            <CollapsibleSection key={id} id={id} title={title} icon={icon && <Icon name={icon} />} reveal={id === 'inspector.panel' && sceneWanted}>
              <Body panel={panel} />
            </CollapsibleSection>
          ))}
          {/* Other features' sections come last: the panel's text, edited most, stays right under its takes. */}
          {extraSections?.(panel)}
        </div>
      </FieldScope.Provider>
      <GenerateBar panel={panel} />
    </aside>
  );
}
