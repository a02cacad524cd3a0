/**
 * "What the model reads": read-only and live, the exact prompt and parameters the selected
 * panel's next Generate or Restyle will send, and what it costs. Built by the same shared
 * function main uses for the real request (use-request-preview.ts); images are named, never
 * shown as data. When the panel cannot be sent (e.g. "No character"), the reason is shown instead.
 * The title is the collapsible section's (Inspector.tsx), so it is written once.
 */
import { useId } from 'react';
import type { Panel } from '../../../shared/domain/project';
import type { IdeogramImageBody } from '../../../shared/generation/ideogram-request';
import { formatCents, plural } from '../../lib/format';
import { useScopedState } from '../../ui/field-scope';
import { ImageControls } from './ImageControls';
import { parameterLabel } from './parameter-labels';
import { useRequestPreview } from './use-request-preview';

function paletteWords(palette: IdeogramImageBody['color_palette']): string | undefined {
  if (!palette) return undefined;
  return 'name' in palette ? palette.name : palette.members.map((member) => member.color_hex).join(', ');
}

/** The parameters beside the prompt, in the order an artist checks them; unset ones say so. */
function parameterRows(body: IdeogramImageBody): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    [parameterLabel('model'), body.model],
    [parameterLabel('size'), body.size],
    [parameterLabel('n'), String(body.n)],
    [parameterLabel('seed'), body.seed === undefined ? 'random' : String(body.seed)],
    [parameterLabel('style_type'), body.style_type ?? "Ideogram's default"],
    [parameterLabel('rendering_speed'), body.rendering_speed ?? "Ideogram's default"],
    [parameterLabel('magic_prompt'), body.magic_prompt ?? "Ideogram's default (auto)"],
    [parameterLabel('negative_prompt'), body.negative_prompt ?? 'none'],
    [parameterLabel('color_palette'), paletteWords(body.color_palette) ?? 'none'],
    ['Reference image', body.character_reference_images.join(', ')],
    ['Image to restyle', body.image],
    [parameterLabel('image_weight'), body.image_weight === undefined ? undefined : String(body.image_weight)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined);
}

export function PromptPreview({ panel }: { panel: Panel }) {
  const id = useId();
  const [kind, setKind] = useScopedState<'generate' | 'restyle'>(() => 'generate');
  const preview = useRequestPreview(panel, kind);
  // No heading of its own: the inspector's "What the model reads" section wraps it and titles it.
  return (
    <div className="inspector-section prompt-preview">
      <fieldset className="segmented">
        <legend>Next</legend>
        {(['generate', 'restyle'] as const).map((option) => (
          <label key={option} className={option === kind ? 'is-on' : undefined}>
            <input type="radio" name={`${id}-kind`} checked={option === kind} onChange={() => setKind(option)} />
            {option === 'generate' ? 'Generate' : 'Restyle'}
          </label>
        ))}
      </fieldset>
      {preview && !preview.ok && (
        <p className="field-hint warn" role="note" aria-label="Why this panel cannot be sent">
          Nothing would be sent: {preview.problem}
        </p>
      )}
      {preview?.ok && (
        <>
          <p className="prompt-text" aria-label="Prompt to be sent" aria-readonly="true">
            {preview.body.prompt}
          </p>
          <dl className="prompt-params" aria-label="Parameters to be sent">
            {parameterRows(preview.body).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="cost-hint" aria-label="Cost of the next request">
            {kind === 'generate' ? 'Generate' : 'Restyle'} would request {plural(preview.images, 'image')} for {formatCents(preview.cents)}
          </p>
          <details className="prompt-json">
            <summary>Request body</summary>
            <pre>{JSON.stringify(preview.body, null, 2)}</pre>
          </details>
        </>
      )}
      <ImageControls panel={panel} />
    </div>
  );
}
