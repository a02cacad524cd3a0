/**
 * Maps a project document to what the contact sheet draws: each panel's active take as its
 * project reference (null when it has none yet), captions as display strings, the header facts,
 * and the project's confined image reader: export reads takes only through the image store
 * (inside the project folder, no links, FIFOs or devices, complete PNGs only).
 * Panel numbers stay the project's own, also when only some panels are exported, so "panel 7"
 * on paper is panel 7 in the app. Shared by the app's export channels and the CLI.
 */
import type { ExportSettings, Panel, Project } from '../../../shared/domain/project';
import { activeTake } from '../../../shared/domain/project-document';
import { CAMERA_ANGLE_LABELS, CAMERA_MOVEMENT_LABELS, SHOT_TYPE_LABELS } from '../../../shared/domain/project-panel-options';
import { createImageStore } from '../project/image-store';
import type { ImageReader } from './image-source';
import type { ContactSheetInput, ContactSheetPanel } from './input';
import type { ContactSheetOptionsInput } from './options';

/** Outcome labels by panel id, for the `consistency` caption (see consistency/sheet-captions). */
export type ConsistencyCaptions = ReadonlyMap<string, string>;

function captions(panel: Panel, consistency: ConsistencyCaptions | undefined): ContactSheetPanel['captions'] {
  return {
    ...(consistency ? { consistency: consistency.get(panel.id) ?? '' } : {}),
    scene: panel.scenePrompt,
    dialogue: panel.dialogue,
    action: panel.action,
    notes: panel.notes,
    shot: SHOT_TYPE_LABELS[panel.shotType],
    angle: CAMERA_ANGLE_LABELS[panel.cameraAngle],
    movement: CAMERA_MOVEMENT_LABELS[panel.cameraMovement],
    duration: `${panel.durationSeconds}s`,
  };
}

/** The character the header names: the first one a panel features, else the project's first. */
export function headerCharacter(project: Project): ContactSheetInput['character'] {
  const featured = project.panels.find((panel) => panel.characterId !== null)?.characterId;
  const character = project.characters.find((candidate) => candidate.id === featured) ?? project.characters[0];
  if (!character) return undefined;
  return { name: character.name, ...(character.referenceImage ? { thumbnailPath: character.referenceImage } : {}) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "14 March 2026": the date printed in export headers, in local time, as en-GB Intl formatting
 * writes it. Spelled out by hand because the first Intl formatter of a process loads ICU's
 * locale data (about 15 ms, a tenth of a short `castboard export`).
 */
export function displayDate(now: Date): string {
  return `${now.getDate()} ${MONTHS[now.getMonth()] ?? ''} ${now.getFullYear()}`;
}

/** Reads an image of the project at `root` by its reference, confined to the project folder. */
export function projectImageReader(root: string): ImageReader {
  const store = createImageStore(root);
  return (ref) => store.read(ref);
}

/** What every export's header shows, and the project's confined image reader. */
export function exportHeader(root: string, project: Project, now: Date): Pick<ContactSheetInput, 'title' | 'date' | 'character'> & { readImage: ImageReader } {
  const character = headerCharacter(project);
  return { readImage: projectImageReader(root), title: project.title, date: displayDate(now), ...(character ? { character } : {}) };
}

/** `selected` = 1-based panel numbers marked as selected (none marked when undefined). */
export function contactSheetInput(root: string, project: Project, selected: readonly number[] | undefined, now: Date, consistency?: ConsistencyCaptions): ContactSheetInput & { readImage: ImageReader } {
  const chosen = selected ? new Set(selected) : null;
  return {
    ...exportHeader(root, project, now),
    panels: project.panels.map((panel, index) => {
      const take = activeTake(panel);
      return {
        number: index + 1,
        imagePath: take ? take.image : null,
        captions: captions(panel, consistency),
        ...(chosen ? { selected: chosen.has(index + 1) } : {}),
      };
    }),
  };
}

/** 1-based numbers of the panels with these ids (unknown ids are ignored). */
export function panelNumbers(project: Project, panelIds: readonly string[]): number[] {
  const wanted = new Set(panelIds);
  return project.panels.flatMap((panel, index) => (wanted.has(panel.id) ? [index + 1] : []));
}

/**
 * The project's saved export settings as contact sheet options (the cell shape follows the
 * project; the production formats' own options are not the sheet's).
 */
export function sheetOptions(project: Project, settings: ExportSettings): ContactSheetOptionsInput {
  const { formats: _formats, ...sheet } = settings;
  return { ...sheet, aspectRatio: project.aspectRatio };
}
