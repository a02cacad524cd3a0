/**
 * The one mapping from a panel's stored framing codes (ECU, EYE_LEVEL, HANDHELD...) to the words
 * the model reads. Each table is a Record over its enum, so adding a shot type, angle or movement
 * without a phrase is a compile error. A raw code never reaches a prompt: Ideogram would read
 * "CU, EYE_LEVEL" as letters, not as framing. An empty phrase (a static camera) adds nothing.
 */
import { SHOT_TYPE_LABELS, type CameraAngle, type CameraMovement, type ShotType } from '../domain/project-panel-options';

/** The inspector's shot names read well as framing; the last three need the word "shot" to. */
export const SHOT_PHRASES: Readonly<Record<ShotType, string>> = {
  ...SHOT_TYPE_LABELS,
  OTS: 'Over-the-shoulder shot',
  POV: 'Point-of-view shot',
  INSERT: 'Insert shot of a detail',
};

export const ANGLE_PHRASES: Readonly<Record<CameraAngle, string>> = {
  EYE_LEVEL: 'eye-level',
  HIGH: 'high angle',
  LOW: 'low angle',
  OVERHEAD: "overhead bird's-eye view",
  WORMS_EYE: "worm's-eye view",
  DUTCH: 'Dutch angle',
};

export const MOVEMENT_PHRASES: Readonly<Record<CameraMovement, string>> = {
  STATIC: '',
  PAN: 'panning camera',
  TILT: 'tilting camera',
  DOLLY: 'dolly camera move',
  TRUCK: 'trucking camera, moving sideways',
  CRANE: 'crane shot',
  ZOOM: 'zoom lens',
  HANDHELD: 'handheld camera',
  TRACKING: 'tracking shot following the action',
};

export interface Framing {
  shotType?: ShotType;
  cameraAngle?: CameraAngle;
  cameraMovement?: CameraMovement;
}

/** "Close-up, eye-level, handheld camera" (no final full stop); "" when nothing is set. */
export function framingPhrase(framing: Framing): string {
  const parts = [
    framing.shotType ? SHOT_PHRASES[framing.shotType] : '',
    framing.cameraAngle ? ANGLE_PHRASES[framing.cameraAngle] : '',
    framing.cameraMovement ? MOVEMENT_PHRASES[framing.cameraMovement] : '',
  ];
  return parts.filter((part) => part !== '').join(', ');
}
