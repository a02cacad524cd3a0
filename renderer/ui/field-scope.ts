/**
 * What a form's local state belongs to. The inspector shows one panel at a time and stays mounted
 * when the selection moves (remounting it cost a fresh DOM and a full style and layout on every
 * arrow step), so its fields' local state (a half-typed number, the note about text that was
 * cut, a palette draft) is scoped to the panel: it starts over when the scope changes, exactly as
 * if the field had been mounted anew. Outside any scope the state is plain useState.
 */
import { createContext, useCallback, useContext, useState } from 'react';

export const FieldScope = createContext('');

/** useState that starts over (from `initial`) when the enclosing FieldScope changes. */
export function useScopedState<T>(initial: () => T): [T, (next: T) => void] {
  const scope = useContext(FieldScope);
  const [state, setState] = useState(() => ({ scope, value: initial() }));
  let current = state;
  if (state.scope !== scope) {
    // React's "adjust state while rendering": re-renders at once, before anything is shown.
    current = { scope, value: initial() };
    setState(current);
  }
  const set = useCallback((next: T) => setState((previous) => ({ scope: previous.scope, value: next })), []);
  return [current.value, set];
}
