/**
 * Ideogram's controls: the panel's own overrides (magic prompt, style type, rendering speed; unset
 * follows the project) and, folded below, the project's settings every panel shares (style words,
 * negative prompt, colour palette, default variations). Every change is an undoable document edit
 * and shows at once in the prompt preview above.
 */
import { useId } from 'react';
import { isColorPalette } from '../../../shared/domain/color-palette';
import {
  COLOR_PALETTE_PRESETS,
  MAGIC_PROMPT_LABELS,
  MAGIC_PROMPT_OPTIONS,
  MAX_PALETTE_COLORS,
  RENDERING_SPEED_LABELS,
  RENDERING_SPEEDS,
  STYLE_TYPE_LABELS,
  STYLE_TYPES,
} from '../../../shared/domain/ideogram-control-options';
import type { ColorPalette, Panel, PanelControls, ProjectStyle } from '../../../shared/domain/project';
import { typedBurst } from '../../state/history';
import { useAppStore } from '../../state/store-context';
import { useScopedState } from '../../ui/field-scope';
import { SelectField, TextAreaField } from '../../ui/fields';

const FOLLOW = '';
type Choice<T extends string> = T | typeof FOLLOW;

function options<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

function overrideOptions<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>, projectValue: T) {
  return [{ value: FOLLOW as Choice<T>, label: `Project: ${labels[projectValue]}` }, ...options<Choice<T>>(values, labels as Record<Choice<T>, string>)];
}

/** Drops unset overrides, so a panel that follows the project stores nothing. */
function withOverride(current: PanelControls | undefined, key: keyof PanelControls, value: string): PanelControls | undefined {
  const next: Record<string, string> = { ...current };
  if (value === FOLLOW) delete next[key];
  else next[key] = value;
  return Object.keys(next).length > 0 ? (next) : undefined;
}

function PanelOverrides({ panel, style }: { panel: Panel; style: ProjectStyle }) {
  const updatePanel = useAppStore((s) => s.updatePanel);
  const set = (key: keyof PanelControls) => (value: string) => updatePanel(panel.id, { controls: withOverride(panel.controls, key, value) });
  return (
    <div className="field-grid">
      <SelectField label="Magic prompt" value={panel.controls?.magicPrompt ?? FOLLOW} options={overrideOptions(MAGIC_PROMPT_OPTIONS, MAGIC_PROMPT_LABELS, style.magicPrompt)} onChange={set('magicPrompt')} />
      <SelectField label="Style type" value={panel.controls?.styleType ?? FOLLOW} options={overrideOptions(STYLE_TYPES, STYLE_TYPE_LABELS, style.styleType)} onChange={set('styleType')} />
      <SelectField
        label="Rendering speed"
        value={panel.controls?.renderingSpeed ?? FOLLOW}
        options={overrideOptions(RENDERING_SPEEDS, RENDERING_SPEED_LABELS, style.renderingSpeed)}
        onChange={set('renderingSpeed')}
      />
    </div>
  );
}

function paletteText(palette: ColorPalette | null): string {
  if (!palette) return '';
  return 'preset' in palette ? palette.preset : palette.colors.join(', ');
}

/** A preset name, up to a few #RRGGBB colours, or nothing; undefined when the text is not one of those. */
export function parsePalette(text: string): ColorPalette | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const preset = COLOR_PALETTE_PRESETS.find((name) => name === trimmed.toUpperCase());
  const palette = preset ? { preset } : { colors: trimmed.split(/[\s,]+/).filter(Boolean) };
  return isColorPalette(palette) ? palette : undefined;
}

function PaletteField({ palette, onChange }: { palette: ColorPalette | null; onChange: (palette: ColorPalette | null) => void }) {
  const id = useId();
  const [draft, setDraft] = useScopedState(() => paletteText(palette));
  const [shown, setShown] = useScopedState(() => palette);
  if (shown !== palette) {
    // Changed elsewhere (undo, another window): show it, unless the draft already says the same.
    setShown(palette);
    if (JSON.stringify(parsePalette(draft)) !== JSON.stringify(palette)) setDraft(paletteText(palette));
  }
  const valid = parsePalette(draft) !== undefined;
  return (
    <div className="field">
      <label htmlFor={id}>Colour palette</label>
      <input
        id={id}
        list={`${id}-presets`}
        value={draft}
        placeholder="e.g. PASTEL, or #1E3A5F, #F2C14E"
        onChange={(event) => {
          setDraft(event.target.value);
          const next = parsePalette(event.target.value);
          if (next !== undefined) onChange(next);
        }}
      />
      <datalist id={`${id}-presets`}>
        {COLOR_PALETTE_PRESETS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p className={valid ? 'field-hint' : 'field-hint warn'}>
        {valid ? 'Every panel shares these colours. Leave empty to let Ideogram choose.' : `Use a preset name or up to ${MAX_PALETTE_COLORS} colours written #RRGGBB.`}
      </p>
    </div>
  );
}

function ProjectSettings({ style }: { style: ProjectStyle }) {
  const edit = useAppStore((s) => s.edit);
  const setGenerateOptions = useAppStore((s) => s.setGenerateOptions);
  const set = <K extends keyof ProjectStyle>(key: K, typed = false) => (value: ProjectStyle[K]) =>
    edit(typed ? typedBurst('style', key, style[key], value) : null, (doc) => (doc.style[key] === value ? doc : { ...doc, style: { ...doc.style, [key]: value } }));
  return (
    <details className="project-image-settings">
      <summary>Project settings (every panel)</summary>
      <TextAreaField label="Style words" rows={2} value={style.stylePrompt} maxLength={2000} placeholder="e.g. ink and watercolour, muted colours" onChange={set('stylePrompt', true)} />
      <div className="field-grid">
        <SelectField label="Project magic prompt" value={style.magicPrompt} options={options(MAGIC_PROMPT_OPTIONS, MAGIC_PROMPT_LABELS)} onChange={set('magicPrompt')} />
        <SelectField label="Project style type" value={style.styleType} options={options(STYLE_TYPES, STYLE_TYPE_LABELS)} onChange={set('styleType')} />
        <SelectField label="Project rendering speed" value={style.renderingSpeed} options={options(RENDERING_SPEEDS, RENDERING_SPEED_LABELS)} onChange={set('renderingSpeed')} />
        <SelectField
          label="Default variations"
          value={String(style.defaultVariations)}
          options={['1', '2', '3', '4'].map((value) => ({ value, label: value }))}
          onChange={(value) => {
            set('defaultVariations')(Number(value));
            setGenerateOptions({ variations: Number(value) });
          }}
        />
      </div>
      <TextAreaField label="Negative prompt" rows={2} value={style.negativePrompt} maxLength={2000} placeholder="What to keep out, e.g. text, watermark" onChange={set('negativePrompt', true)} />
      <PaletteField palette={style.colorPalette} onChange={set('colorPalette')} />
    </details>
  );
}

export function ImageControls({ panel }: { panel: Panel }) {
  const style = useAppStore((s) => s.doc?.style);
  if (!style) return null;
  return (
    <div className="image-controls">
      <p className="field-hint">For this panel; the project settings below apply to every panel.</p>
      <PanelOverrides panel={panel} style={style} />
      <ProjectSettings style={style} />
    </div>
  );
}
