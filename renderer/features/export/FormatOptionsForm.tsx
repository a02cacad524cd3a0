/**
 * The options of each production format, saved in the project (`exportSettings.formats`, undoable
 * edits, the CLI's defaults too) as the artist changes them: PDF page, orientation, layout and
 * panels a page, resolution and captions; MP4 size, frame rate, caption strip, subtitles and
 * cross-fade; GIF width; timeline frame rate. The shot list has none of its own.
 */
import type { OptionFormat, ProductionSettings } from '../../../shared/domain/production-export';
import { CROSSFADE_SECONDS, FRAME_RATES, GIF_WIDTH, PDF_PER_PAGE, videoPixels, type FrameRate } from '../../../shared/domain/production-export-fields';
import { useAppStore } from '../../state/store-context';
import { CheckboxField, NumberField, SelectField } from '../../ui/fields';
import type { ProductionFormat } from './export-formats';

type Update = <F extends OptionFormat>(format: F, patch: Partial<ProductionSettings[F]>) => void;

const FPS_OPTIONS = FRAME_RATES.map((fps) => ({ value: String(fps) as `${FrameRate}`, label: `${fps} fps` }));
const fpsOf = (value: string) => Number(value) as FrameRate;

function PdfOptions({ pdf, update }: { pdf: ProductionSettings['pdf']; update: Update }) {
  const range = PDF_PER_PAGE[pdf.layout];
  return (
    <>
      <div className="field-grid export-grid">
        <SelectField label="Page size" value={pdf.page} options={[{ value: 'a4', label: 'A4' }, { value: 'letter', label: 'US Letter' }]} onChange={(page) => update('pdf', { page })} />
        <SelectField label="Orientation" value={pdf.orientation} options={[{ value: 'landscape', label: 'Landscape' }, { value: 'portrait', label: 'Portrait' }]} onChange={(orientation) => update('pdf', { orientation })} />
        <SelectField
          label="Layout"
          value={pdf.layout}
          options={[{ value: 'grid', label: 'Grid' }, { value: 'shooting', label: 'Shooting board' }]}
          // A shooting board holds at most 3 a page: a larger grid count starts from its default.
          onChange={(layout) => update('pdf', { layout, perPage: pdf.perPage <= PDF_PER_PAGE[layout].max ? pdf.perPage : PDF_PER_PAGE[layout].default })}
        />
        <NumberField key={pdf.layout} label="Panels a page" min={range.min} max={range.max} value={pdf.perPage} onChange={(perPage) => update('pdf', { perPage })} />
        <SelectField label="Resolution" value={String(pdf.dpi) as '150' | '300'} options={[{ value: '150', label: '150 dpi (screen)' }, { value: '300', label: '300 dpi (print)' }]} onChange={(dpi) => update('pdf', { dpi: dpi === '300' ? 300 : 150 })} />
      </div>
      <CheckboxField label="Captions: number, shot, dialogue or action" checked={pdf.captions} onChange={(captions) => update('pdf', { captions })} />
    </>
  );
}

function Mp4Options({ mp4, aspectRatio, update }: { mp4: ProductionSettings['mp4']; aspectRatio: string; update: Update }) {
  const own = videoPixels('project', aspectRatio);
  const sizes = [
    { value: '1280x720' as const, label: '1280 × 720' },
    { value: '1920x1080' as const, label: '1920 × 1080' },
    { value: 'project' as const, label: `Project shape (${own.width} × ${own.height})` },
  ];
  return (
    <>
      <div className="field-grid export-grid">
        <SelectField label="Video size" value={mp4.size} options={sizes} onChange={(size) => update('mp4', { size })} />
        <SelectField label="Frame rate" value={String(mp4.fps) as `${FrameRate}`} options={FPS_OPTIONS} onChange={(fps) => update('mp4', { fps: fpsOf(fps) })} />
      </div>
      <CheckboxField label="Caption strip (number, shot, dialogue)" checked={mp4.captions} onChange={(captions) => update('mp4', { captions })} />
      <CheckboxField label="Subtitle file of the dialogue (.srt)" checked={mp4.srt} onChange={(srt) => update('mp4', { srt })} />
      <CheckboxField label="Cross-fade between panels" checked={mp4.crossfade} onChange={(crossfade) => update('mp4', { crossfade })} />
      {mp4.crossfade && (
        <div className="field-grid export-grid">
          <NumberField label="Cross-fade length" suffix="s" min={CROSSFADE_SECONDS.min} max={CROSSFADE_SECONDS.max} step={0.1} value={mp4.crossfadeSeconds} onChange={(crossfadeSeconds) => update('mp4', { crossfadeSeconds })} />
        </div>
      )}
    </>
  );
}

export function FormatOptionsForm({ format, settings, aspectRatio }: { format: ProductionFormat; settings: ProductionSettings; aspectRatio: string }) {
  const update = useAppStore((s) => s.updateFormatSettings);
  switch (format) {
    case 'pdf':
      return <PdfOptions pdf={settings.pdf} update={update} />;
    case 'mp4':
      return <Mp4Options mp4={settings.mp4} aspectRatio={aspectRatio} update={update} />;
    case 'gif':
      return (
        <div className="field-grid export-grid">
          <NumberField label="Width" suffix="px" min={GIF_WIDTH.min} max={GIF_WIDTH.max} step={16} value={settings.gif.width} onChange={(width) => update('gif', { width })} />
        </div>
      );
    case 'fcpxml':
      return (
        <div className="field-grid export-grid">
          <SelectField label="Frame rate" value={String(settings.fcpxml.fps) as `${FrameRate}`} options={FPS_OPTIONS} onChange={(fps) => update('fcpxml', { fps: fpsOf(fps) })} />
        </div>
      );
    case 'csv':
      return <p className="small muted">The shot list has no options of its own: every panel, or the selected ones.</p>;
  }
}
