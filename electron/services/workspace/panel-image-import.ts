/**
 * Brings an image into a panel as a take: a file the artist chose, dropped or pasted (`imported`)
 * or a sketch drawn in Castboard (`sketch`). The bytes pass the same gate as gateway answers
 * (magic bytes, pixel cap, full decode, re-encode to PNG) and land in the content-addressed
 * image store, so the same image twice is stored once. Invariants: a refused image writes
 * nothing and its message names the file; the new take costs nothing and becomes the panel's
 * active image; main is the only writer of takes (the renderer gets the added take back).
 */
import { randomUUID } from 'node:crypto';
import type { Take } from '../../../shared/domain/project';
import { CastboardError } from '../../../shared/errors';
import { verifyAndNormalizeImage, type VerifiedImage } from '../image-safety';
import sharp from '../image-safety/sharp-gate';
import type { ProjectWorkspace } from './project-workspace';

export interface PanelImageSource {
  bytes: Uint8Array;
  /** The file's own name (no folders), shown in messages and kept in the take's provenance. */
  fileName: string;
  origin: 'imported' | 'sketch';
  /**
   * A sketch drawn over one of the panel's takes: `bytes` are the strokes on a transparent
   * canvas, laid over this take (stretched to the sketch's size) to make the PNG that is kept.
   */
  baseTakeId?: string;
}

export interface PanelImageAdded {
  panelId: string;
  takes: Take[];
  activeTakeId: string | null;
}

/** Only the last path segment, bounded: a name for messages, never a path. */
export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return (base || 'image').slice(0, 255);
}

type ImportWorkspace = Pick<ProjectWorkspace, 'project' | 'putVerifiedImage' | 'addTakes' | 'readImage'>;

/** The strokes laid over the take they were drawn on, verified again as the image that is kept. */
async function overBaseTake(workspace: ImportWorkspace, panelId: string, baseTakeId: string, strokes: VerifiedImage): Promise<VerifiedImage> {
  const panel = workspace.project().panels.find((candidate) => candidate.id === panelId);
  const base = panel?.takes.find((take) => take.id === baseTakeId);
  if (!base) throw new CastboardError('NOT_FOUND', 'The take this sketch was drawn over is no longer in the panel. Your strokes are kept: Use sketch again puts them on plain paper, or choose "Draw over the take on the board" first.');
  const under = await sharp(await workspace.readImage(base.image)).resize(strokes.width, strokes.height, { fit: 'fill' }).toBuffer();
  const png = await sharp(under).composite([{ input: strokes.png }]).flatten({ background: '#ffffff' }).png().toBuffer();
  return verifyAndNormalizeImage(png, { origin: 'import' });
}

export async function importPanelImage(
  workspace: ImportWorkspace,
  panelId: string,
  source: PanelImageSource,
  now: () => Date = () => new Date(),
): Promise<PanelImageAdded> {
  const fileName = displayFileName(source.fileName);
  const panelNumber = workspace.project().panels.findIndex((panel) => panel.id === panelId) + 1;
  if (panelNumber === 0) throw new CastboardError('NOT_FOUND', `The panel for "${fileName}" no longer exists, so the image was not added.`);
  let verified;
  try {
    verified = await verifyAndNormalizeImage(source.bytes, { origin: 'import' });
    if (source.baseTakeId) verified = await overBaseTake(workspace, panelId, source.baseTakeId, verified);
  } catch (error) {
    if (error instanceof CastboardError) throw new CastboardError(error.code, `"${fileName}": ${error.message}`, { cause: error });
    throw error;
  }
  const take: Take = {
    id: randomUUID(),
    image: await workspace.putVerifiedImage(verified.png),
    model: source.origin,
    prompt: '',
    params: {},
    costCents: 0,
    createdAt: now().toISOString(),
    width: verified.width,
    height: verified.height,
    origin: source.origin,
    fileName,
    ...(source.baseTakeId ? { sourceTakeId: source.baseTakeId } : {}),
  };
  return workspace.addTakes(panelId, [take], { makeActive: true });
}
