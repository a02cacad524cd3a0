/**
 * The prompt and parameters a take was made with, exactly as stored in its provenance (not the
 * panel's current prompt: the character or the scene may have changed since).
 */
import type { Take } from '../../../shared/domain/project';

export function TakePrompt({ take, number }: { take: Take; number: number }) {
  const params = Object.entries(take.params).filter(([name]) => name !== 'prompt');
  return (
    <details className="take-prompt">
      <summary>Prompt of take {number}</summary>
      <p aria-label={`Stored prompt of take ${number}`}>{take.prompt}</p>
      <p className="muted">{params.map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`).join(' · ')}</p>
    </details>
  );
}
