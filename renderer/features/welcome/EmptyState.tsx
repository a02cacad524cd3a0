/** What a new artist sees first: the steps to a first storyboard, with the next one highlighted. */
import { useAppStore } from '../../app/app-context';

export function EmptyState({ onOpenSettings }: { onOpenSettings: () => void }) {
  const hasKey = useAppStore((s) => s.keyStatus?.hasKey ?? false);
  return (
    <section className="empty-state" aria-labelledby="welcome-title">
      <div className="empty-art" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h1 id="welcome-title">Storyboards with a cast that stays in character</h1>
      <p className="lede">Define a character once, write your panels, and Castboard draws the same face in every shot.</p>
      <ol className="steps">
        <li className={hasKey ? 'step step-done' : 'step step-next'}>
          <strong>Connect your AIgateway key.</strong>
          <span>{hasKey ? 'Done — your key is saved.' : 'Each generated image costs $0.05 on your AIgateway account.'}</span>
          {!hasKey && (
            <button type="button" className="button-primary" onClick={onOpenSettings}>
              Add API key
            </button>
          )}
        </li>
        <li className={hasKey ? 'step step-next' : 'step'}>
          <strong>Create a project folder.</strong>
          <span>A project is a folder on your disk: every take you generate is kept in it.</span>
        </li>
        <li className="step">
          <strong>Add a character and your panels, then generate.</strong>
          <span>You will see the image count and the cost before anything is charged.</span>
        </li>
      </ol>
    </section>
  );
}
