/**
 * The inspector's fields for one panel, in two sections: the shot (scene, character, framing,
 * timing) and the words (dialogue, action, notes). Text fields show their limit as they near it.
 */
import {
  CAMERA_ANGLES,
  CAMERA_ANGLE_LABELS,
  CAMERA_MOVEMENTS,
  CAMERA_MOVEMENT_LABELS,
  PANEL_LIMITS,
  SHOT_TYPES,
  SHOT_TYPE_LABELS,
} from '../../../shared/domain/project-panel-options';
import type { Panel } from '../../../shared/domain/project';
import { useMemo } from 'react';
import { useAppStore } from '../../state/store-context';
import { NumberField, SelectField, TextAreaField } from '../../ui/fields';

const SHOT_OPTIONS = SHOT_TYPES.map((value) => ({ value, label: `${SHOT_TYPE_LABELS[value]} (${value})` }));
const ANGLE_OPTIONS = CAMERA_ANGLES.map((value) => ({ value, label: CAMERA_ANGLE_LABELS[value] }));
const MOVEMENT_OPTIONS = CAMERA_MOVEMENTS.map((value) => ({ value, label: CAMERA_MOVEMENT_LABELS[value] }));
const NO_CHARACTER = '';

export function PanelFields({ panel }: { panel: Panel }) {
  const updatePanel = useAppStore((s) => s.updatePanel);
  const cast = useAppStore((s) => s.doc?.characters);
  const focusScene = useAppStore((s) => s.sceneFocusFor === panel.id);
  const sceneFocused = useAppStore((s) => s.sceneFocused);
  const characters = useMemo(
    () => (cast ?? []).map((character) => ({ value: character.id, label: character.name.trim() || 'Unnamed character' })),
    [cast],
  );
  const set = (patch: Partial<Panel>) => updatePanel(panel.id, patch);
  return (
    <div className="panel-fields">
      <TextAreaField
        label="Scene"
        rows={4}
        value={panel.scenePrompt}
        maxLength={PANEL_LIMITS.maxPromptLength}
        placeholder="What happens in this shot? e.g. Mara ducks under a neon sign as rain starts"
        onChange={(scenePrompt) => set({ scenePrompt })}
        focusRequested={focusScene}
        onFocused={sceneFocused}
      />
      <div className="field-grid">
        <SelectField
          label="Featured character"
          value={panel.characterId ?? NO_CHARACTER}
          options={[...characters, { value: NO_CHARACTER, label: 'No character' }]}
          onChange={(characterId) => set({ characterId: characterId === NO_CHARACTER ? null : characterId })}
        />
        <SelectField label="Shot type" value={panel.shotType} options={SHOT_OPTIONS} onChange={(shotType) => set({ shotType })} />
        <SelectField label="Camera angle" value={panel.cameraAngle} options={ANGLE_OPTIONS} onChange={(cameraAngle) => set({ cameraAngle })} />
        <SelectField label="Camera movement" value={panel.cameraMovement} options={MOVEMENT_OPTIONS} onChange={(cameraMovement) => set({ cameraMovement })} />
        <NumberField
          label="Duration"
          suffix="sec"
          min={0}
          max={PANEL_LIMITS.maxDurationSeconds}
          step={0.5}
          value={panel.durationSeconds}
          onChange={(durationSeconds) => set({ durationSeconds })}
        />
      </div>
    </div>
  );
}

export function DialogueFields({ panel }: { panel: Panel }) {
  const updatePanel = useAppStore((s) => s.updatePanel);
  const set = (patch: Partial<Panel>) => updatePanel(panel.id, patch);
  const limit = PANEL_LIMITS.maxTextLength;
  return (
    <div className="panel-fields">
      <TextAreaField label="Dialogue" rows={2} maxLength={limit} value={panel.dialogue} placeholder="MARA: Not tonight." onChange={(dialogue) => set({ dialogue })} />
      <TextAreaField label="Action" rows={2} maxLength={limit} value={panel.action} placeholder="She pulls the hood up." onChange={(action) => set({ action })} />
      <TextAreaField label="Notes" rows={2} maxLength={limit} value={panel.notes} placeholder="For the director, the editor, yourself…" onChange={(notes) => set({ notes })} />
    </div>
  );
}
