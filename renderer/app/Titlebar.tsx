/**
 * The title bar: brand and project title, then the editor's main actions (undo/redo, add panel,
 * batch generation, export, help, settings, close). With no project open only Help-free basics
 * remain: Settings.
 */
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { HelpMenu } from '../features/shortcuts/HelpMenu';
import { modKey } from '../lib/format';
import { Icon, type IconName } from '../ui/Icon';
import { useAppStore, useHistory } from '../state/store-context';
import type { Commands } from './commands';

interface ActionProps {
  icon: IconName;
  label: string;
  onClick: () => void;
  disabled?: boolean;
  shortcut?: string;
  primary?: boolean;
  /** Keeps the words in narrower windows (only the most used actions). */
  keepLabel?: boolean;
  children?: ReactNode;
}

function Action({ icon, label, onClick, disabled, shortcut, primary, keepLabel, children }: ActionProps) {
  return (
    <button type="button" className={primary ? 'button-primary' : undefined} aria-label={children ? undefined : label} title={shortcut ? `${label} (${shortcut})` : label} disabled={disabled} onClick={onClick}>
      <Icon name={icon} />
      {children && <span className={keepLabel ? 'button-label keep-label' : 'button-label'}>{children}</span>}
    </button>
  );
}

function EditorActions({ commands }: { commands: Commands }) {
  const canUndo = useHistory((s) => s.pastStates.length > 0);
  const canRedo = useHistory((s) => s.futureStates.length > 0);
  const { hasPanels, hasSelection, busy, closeProject } = useAppStore(
    useShallow((s) => ({ hasPanels: (s.doc?.panels.length ?? 0) > 0, hasSelection: s.selectedIds.length > 0 || s.focusedId !== null, busy: s.projectBusy, closeProject: s.closeProject })),
  );
  const mod = modKey();
  return (
    <>
      <div className="toolbar-group">
        <Action icon="undo" label="Undo" shortcut={`${mod}+Z`} disabled={!canUndo} onClick={commands.undo} />
        <Action icon="redo" label="Redo" shortcut={`Shift+${mod}+Z`} disabled={!canRedo} onClick={commands.redo} />
      </div>
      <div className="toolbar-group">
        <Action icon="plus" label="Add panel" shortcut="N" keepLabel onClick={commands.addPanel}>
          Add panel
        </Action>
        <Action icon="sparkle" label="Generate missing" keepLabel disabled={!hasPanels} onClick={commands.generateMissing}>
          Generate missing
        </Action>
        <Action icon="target" label="Generate selected" shortcut="G" disabled={!hasSelection} onClick={commands.generateSelection}>
          Generate selected
        </Action>
        <Action icon="face" label="Check consistency (free, on this computer)" shortcut="C" disabled={!hasPanels} onClick={commands.checkConsistency}>
          Check consistency
        </Action>
      </div>
      <div className="toolbar-group">
        <Action icon="download" label="Export" shortcut={`${mod}+E`} onClick={commands.openExport}>
          Export
        </Action>
        {/* Its own icon (a door with an arrow leaving it): the folder read as "Open project". */}
        <Action icon="leave" label="Close project" disabled={busy} onClick={() => void closeProject()}>
          Close project
        </Action>
      </div>
    </>
  );
}

export function Titlebar({ commands }: { commands: Commands }) {
  const { title, hasProject } = useAppStore(useShallow((s) => ({ title: s.doc?.title ?? null, hasProject: s.doc !== null })));
  return (
    <header className="titlebar">
      <div className="brand" aria-label="Castboard">
        <span className="brand-mark" aria-hidden="true" />
        Castboard
        {title && (
          <span className="project-title" title={title}>
            {title}
          </span>
        )}
      </div>
      <div className="titlebar-actions">
        {hasProject && <EditorActions commands={commands} />}
        <HelpMenu />
        <Action icon="gear" label="Settings" onClick={commands.openSettings}>
          Settings
        </Action>
      </div>
    </header>
  );
}
