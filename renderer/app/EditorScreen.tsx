/**
 * The editor: cast on the left, the board in the middle (with the queue banner and notices
 * above it), the inspector on the right. Composes features; holds no state of its own.
 */
import { useDeferredValue, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Board } from '../features/board/Board';
import { ConsistencyBar } from '../features/consistency/ConsistencyBar';
import { RecentlyDeleted } from '../features/board/RecentlyDeleted';
import { CharacterSidebar } from '../features/characters/CharacterSidebar';
import { QueueBanner } from '../features/generate/QueueBanner';
import { Inspector } from '../features/inspector/Inspector';
import { PanelImageSection } from '../features/sketch/PanelImageSection';
import { SketchPad } from '../features/sketch/SketchPad';
import { usePanelImageDrop } from '../features/sketch/use-panel-image-drop';
import { CollapsibleSection } from '../ui/CollapsibleSection';
import { DismissableBanner } from '../ui/DismissableBanner';
import { useAppStore } from '../state/store-context';
import { focusBoard } from './board-focus';
import type { Commands } from './commands';

function Notices() {
  const { report, dismissReport, notice, dismissNotice, undoDeletion } = useAppStore(
    useShallow((s) => ({ report: s.openReport, dismissReport: s.dismissReport, notice: s.notice, dismissNotice: s.dismissNotice, undoDeletion: s.undoDeletion })),
  );
  // The ✕ goes away with the notice: the keyboard goes to the board, not to the page.
  const dismiss = () => {
    focusBoard();
    dismissNotice();
  };
  return (
    <>
      {report?.message && (
        <DismissableBanner tone="warning" onDismiss={dismissReport}>
          {report.message}
        </DismissableBanner>
      )}
      {notice && (
        <div className="banner banner-info" role="status" key={notice.id}>
          <span>{notice.text}</span>
          <span className="banner-actions">
            {notice.undoesTo && (
              <button type="button" className="button-small" onClick={undoDeletion}>
                Undo delete
              </button>
            )}
            <button type="button" className="button-small button-ghost" aria-label="Dismiss notice" onClick={dismiss}>
              ✕
            </button>
          </span>
        </div>
      )}
    </>
  );
}

export function EditorScreen({ commands }: { commands: Commands }) {
  const aspectRatio = useAppStore((s) => s.doc?.aspectRatio ?? '16:9');
  // Cards and the inspector preview are drawn in the project's aspect ratio.
  const style = { '--panel-aspect': aspectRatio.replace(':', ' / ') } as CSSProperties;
  const imageDrop = usePanelImageDrop();
  // The inspector (over half of the editor's DOM) mounts in a render right after the first one,
  // so a project's board is painted and answers keys without waiting for it; the placeholder keeps
  // the editor's grid as it will be.
  const inspectorShown = useDeferredValue(true, false);
  return (
    <div className="editor" style={style} {...imageDrop}>
      <CharacterSidebar />
      <section className="board-area" aria-label="Storyboard">
        <div className="board-banners">
          <Notices />
          <QueueBanner />
          <ConsistencyBar onRegenerateDrifted={commands.regenerateDrifted} />
        </div>
        <div className="board-scroll">
          <Board />
          <RecentlyDeleted />
        </div>
      </section>
      {inspectorShown ? (
        <Inspector
          onGenerateSelection={commands.generateSelection}
          onDeletePanel={(panelId) => commands.deletePanels([panelId])}
          extraSections={(panel) => (
            <CollapsibleSection id="inspector.sketch" title="Sketch & image">
              <PanelImageSection panel={panel} />
            </CollapsibleSection>
          )}
        />
      ) : (
        <aside className="inspector" aria-label="Panel inspector" aria-busy="true" />
      )}
      <SketchPad />
    </div>
  );
}
