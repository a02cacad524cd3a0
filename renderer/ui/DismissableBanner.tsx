/** A one-message banner the artist can dismiss (open reports, start errors). */
import type { ReactNode } from 'react';

export function DismissableBanner({ tone, children, onDismiss }: { tone: 'warning' | 'error'; children: ReactNode; onDismiss: () => void }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{children}</span>
      <span className="banner-actions">
        <button type="button" className="button-small button-ghost" onClick={onDismiss}>
          Dismiss
        </button>
      </span>
    </div>
  );
}
