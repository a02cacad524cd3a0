/**
 * Maps a project document to what the contact sheet draws: each panel's active take as an
 * absolute path (null when it has none yet), captions as display strings, and the header facts.
 * Panel numbers stay the project's own, also when only some panels are exported, so "panel 7"
 * on paper is panel 7 in the app. Shared by the app's export channels and the CLI.
 */
import path from 'node:path';
import { CAMERA_ANGLE_LABELS, CAMERA_MOVEMENT_LABELS, SHOT_TYPE_LABELS, type ExportSettings, type Panel, type Project } from '../../../shared/domain/project';
import { activeTake } from '../../../shared/domain/project-edit';
import type { ContactSheetInput, ContactSheetPanel } from './input';
import type { ContactSheetOptionsInput } from './options';

function captions(panel: Panel): ContactSheetPanel['captions'] {
  return {
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
function headerCharacter(root: string, project: Project): ContactSheetInput['character'] {
  const featured = project.panels.find((panel) => panel.characterId !== null)?.characterId;
  const character = project.characters.find((candidate) => candidate.id === featured) ?? project.characters[0];
  if (!character) return undefined;
  return { name: character.name, ...(character.referenceImage ? { thumbnailPath: path.join(root, character.referenceImage) } : {}) };
}

/** `selected` = 1-based panel numbers marked as selected (none marked when undefined). */
export function contactSheetInput(root: string, project: Project, selected: readonly number[] | undefined, now: Date): ContactSheetInput {
  const chosen = selected ? new Set(selected) : null;
  const character = headerCharacter(root, project);
  return {
    title: project.title,
    date: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(now),
    ...(character ? { character } : {}),
    panels: project.panels.map((panel, index) => {
      const take = activeTake(panel);
      return {
        number: index + 1,
        imagePath: take ? path.join(root, take.image) : null,
        captions: captions(panel),
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

/** The project's saved export settings as contact sheet options (the cell shape follows the project). */
export function sheetOptions(project: Project, settings: ExportSettings): ContactSheetOptionsInput {
  return { ...settings, aspectRatio: project.aspectRatio };
}
