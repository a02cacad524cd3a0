/**
 * Contact sheet options, saved in the project (undoable edits): grid, cell size, spacing,
 * background, which captions print under each cell, page preset, resolution. ("Selected panels
 * only" is the dialog's, for every format.)
 */
import type { ExportSettings } from '../../../shared/domain/project';
import { CAPTION_FIELDS, PAGE_PRESETS, type CaptionField } from '../../../shared/domain/project-export-fields';
import { useAppStore } from '../../state/store-context';
import { CheckboxField, NumberField, SelectField } from '../../ui/fields';

const CAPTION_LABELS: Record<CaptionField, string> = {
  scene: 'Scene',
  dialogue: 'Dialogue',
  action: 'Action',
  notes: 'Notes',
  shot: 'Shot type',
  angle: 'Camera angle',
  movement: 'Camera movement',
  duration: 'Duration',
  consistency: 'Consistency check',
};

const PAGE_LABELS: Record<(typeof PAGE_PRESETS)[number], string> = { none: 'One long image', a4: 'A4 pages', letter: 'US Letter pages' };

export function ExportSettingsForm({ settings, onChoosePage }: { settings: ExportSettings; onChoosePage?: (page: ExportSettings['page']) => void }) {
  const update = useAppStore((s) => s.updateExportSettings);
  const toggleCaption = (field: CaptionField, on: boolean) =>
    update({ captions: on ? CAPTION_FIELDS.filter((f) => f === field || settings.captions.includes(f)) : settings.captions.filter((f) => f !== field) });

  return (
    <>
      <div className="field-grid export-grid">
        <NumberField label="Columns" min={1} max={12} value={settings.columns} onChange={(columns) => update({ columns })} />
        <NumberField label="Cell width" suffix="px" min={64} max={2048} step={16} value={settings.cellWidth} onChange={(cellWidth) => update({ cellWidth })} />
        <NumberField label="Margin" suffix="px" min={0} max={400} value={settings.margin} onChange={(margin) => update({ margin })} />
        <NumberField label="Gutter" suffix="px" min={0} max={200} value={settings.gutter} onChange={(gutter) => update({ gutter })} />
      </div>
      <fieldset className="caption-fields">
        <legend>Captions under each panel</legend>
        {CAPTION_FIELDS.map((field) => (
          <CheckboxField key={field} label={CAPTION_LABELS[field]} checked={settings.captions.includes(field)} onChange={(on) => toggleCaption(field, on)} />
        ))}
      </fieldset>
      <div className="field-grid export-grid">
        <SelectField label="Layout" value={settings.page} options={PAGE_PRESETS.map((value) => ({ value, label: PAGE_LABELS[value] }))} onChange={(page) => {
            onChoosePage?.(page);
            update({ page });
          }} />
        {settings.page !== 'none' ? (
          <SelectField
            label="Orientation"
            value={settings.orientation}
            options={[
              { value: 'landscape', label: 'Landscape' },
              { value: 'portrait', label: 'Portrait' },
            ]}
            onChange={(orientation) => update({ orientation })}
          />
        ) : (
          <span />
        )}
        {settings.page !== 'none' && (
          <SelectField
            label="Resolution"
            value={String(settings.dpi) as '150' | '300'}
            options={[
              { value: '150', label: '150 dpi (screen)' },
              { value: '300', label: '300 dpi (print)' },
            ]}
            onChange={(dpi) => update({ dpi: dpi === '300' ? 300 : 150 })}
          />
        )}
        <div className="field">
          <label htmlFor="export-background">Background</label>
          <input id="export-background" type="color" value={settings.background} onChange={(event) => update({ background: event.target.value })} />
        </div>
      </div>
    </>
  );
}
