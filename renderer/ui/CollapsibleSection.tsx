/**
 * A titled inspector section the artist can fold away; its open/closed state is remembered per
 * section id across panels and restarts (localStorage, UI preference only, never in a project).
 * Generic on purpose: any feature can slot its own component in with a title and an optional count.
 * The header is one button named "<title> section" so it never collides with the section's actions.
 */
import { useId, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'castboard.sections';

function readRemembered(): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

function remember(id: string, open: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...readRemembered(), [id]: open }));
  } catch {
    // Storage full or blocked: the section still folds, it just will not be remembered.
  }
}

export interface CollapsibleSectionProps {
  /** Stable id the open state is remembered under, e.g. "inspector.restyle". */
  id: string;
  title: string;
  count?: number;
  icon?: ReactNode;
  defaultOpen?: boolean;
  className?: string;
  /** Opens the section now (not remembered): something in it asks for the keyboard. */
  reveal?: boolean;
  children: ReactNode;
}

export function CollapsibleSection({ id, title, count, icon, defaultOpen = true, className, reveal = false, children }: CollapsibleSectionProps) {
  const bodyId = useId();
  const [open, setOpen] = useState(() => readRemembered()[id] ?? defaultOpen);
  // React's "adjust state while rendering": the body is there in this very commit.
  if (reveal && !open) setOpen(true);
  const toggle = () => {
    setOpen(!open);
    remember(id, !open);
  };
  return (
    <section className={`inspector-section collapsible${open ? ' is-open' : ''}${className ? ` ${className}` : ''}`} data-section={id}>
      <h3 className="section-title">
        <button type="button" className="section-toggle" aria-expanded={open} aria-controls={bodyId} aria-label={`${title} section`} onClick={toggle}>
          <span className="chevron" aria-hidden="true" />
          {icon}
          <span>{title}</span>
          {count !== undefined && <span className="count">{count}</span>}
        </button>
      </h3>
      {open && (
        <div className="section-body" id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}
