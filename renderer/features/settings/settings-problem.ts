/**
 * What is wrong with the Gateway and saving form before it is sent: the field and a sentence in the
 * artist's units. Checked with the same schema main applies, so nothing main would refuse gets
 * through, but said for the box it belongs to: main's own refusal would name neither the field nor
 * the unit on screen ("Too big: expected number to be <=10000" for a price typed in dollars).
 * The schema (zod) is loaded when the form is first saved, never with the window's start-up code.
 */
import type { SettingsPatch } from '../../../shared/domain/settings';

export type SettingsField = 'gatewayBaseUrl' | 'concurrency' | 'requestTimeoutSeconds' | 'retryAfterCapSeconds' | 'pricePerImageCents' | 'autosaveDelayMs';

/** Each number box's range as the box shows it (its unit, not the stored one). */
export const NUMBER_RANGES: Record<Exclude<SettingsField, 'gatewayBaseUrl'>, { label: string; min: number; max: number; unit: string; whole?: true }> = {
  concurrency: { label: 'Parallel requests', min: 1, max: 32, unit: '', whole: true },
  requestTimeoutSeconds: { label: 'Wait for an image', min: 5, max: 3600, unit: ' seconds', whole: true },
  retryAfterCapSeconds: { label: 'Wait out a slow-down request', min: 1, max: 1440, unit: ' minutes' },
  pricePerImageCents: { label: 'Price per image', min: 0, max: 100, unit: ' USD' },
  autosaveDelayMs: { label: 'Autosave after', min: 0.25, max: 60, unit: ' seconds' },
};

export interface SettingsProblem {
  field: SettingsField;
  text: string;
}

export async function settingsProblem(patch: SettingsPatch): Promise<SettingsProblem | null> {
  const { SettingsPatchSchema } = await import('../../../shared/domain/settings');
  const checked = SettingsPatchSchema.safeParse(patch);
  const issue = checked.success ? undefined : checked.error.issues[0];
  if (!issue) return null;
  const field = issue.path[0] as SettingsField;
  if (field === 'gatewayBaseUrl') return { field, text: issue.message };
  const range = NUMBER_RANGES[field];
  return { field, text: `${range.label} must be ${range.whole ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}${range.unit}.` };
}
