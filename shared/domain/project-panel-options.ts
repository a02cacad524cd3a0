/**
 * A panel's fixed vocabularies (shot sizes, camera angles and movements, with the words shown for
 * them) and its limits. Free of zod: the export and the CLI print these labels without building
 * the project schema; project-panel.ts builds its enums from these lists.
 */
export const SHOT_TYPES = ['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS', 'OTS', 'POV', 'INSERT'] as const;
export type ShotType = (typeof SHOT_TYPES)[number];

export const SHOT_TYPE_LABELS: Readonly<Record<ShotType, string>> = {
  ECU: 'Extreme close-up',
  CU: 'Close-up',
  MCU: 'Medium close-up',
  MS: 'Medium shot',
  MWS: 'Medium wide shot',
  WS: 'Wide shot',
  EWS: 'Extreme wide shot',
  OTS: 'Over the shoulder',
  POV: 'Point of view',
  INSERT: 'Insert',
};

export const CAMERA_ANGLES = ['EYE_LEVEL', 'HIGH', 'LOW', 'OVERHEAD', 'WORMS_EYE', 'DUTCH'] as const;
export type CameraAngle = (typeof CAMERA_ANGLES)[number];

export const CAMERA_ANGLE_LABELS: Readonly<Record<CameraAngle, string>> = {
  EYE_LEVEL: 'Eye level',
  HIGH: 'High angle',
  LOW: 'Low angle',
  OVERHEAD: "Overhead (bird's eye)",
  WORMS_EYE: "Worm's eye",
  DUTCH: 'Dutch angle',
};

export const CAMERA_MOVEMENTS = ['STATIC', 'PAN', 'TILT', 'DOLLY', 'TRUCK', 'CRANE', 'ZOOM', 'HANDHELD', 'TRACKING'] as const;
export type CameraMovement = (typeof CAMERA_MOVEMENTS)[number];

export const CAMERA_MOVEMENT_LABELS: Readonly<Record<CameraMovement, string>> = {
  STATIC: 'Static',
  PAN: 'Pan',
  TILT: 'Tilt',
  DOLLY: 'Dolly in/out',
  TRUCK: 'Truck',
  CRANE: 'Crane',
  ZOOM: 'Zoom',
  HANDHELD: 'Handheld',
  TRACKING: 'Tracking',
};

/** A character's text limits (the description box counts down to its limit, issue #12). */
export const CHARACTER_LIMITS = {
  maxNameLength: 100,
  maxDescriptionLength: 2000,
} as const;

export const PANEL_LIMITS = {
  maxTakesPerPanel: 200,
  maxDurationSeconds: 600,
  maxPromptLength: 4000,
  maxTextLength: 4000,
} as const;
