/**
 * App-level channels: settings, the API key, the gateway connection check, the window title and
 * whether the window has a modal dialog open (where main sends menu commands).
 * `app:command` carries menu commands (and `project.reload`) from main to the renderer.
 */
import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../../domain/settings';
import { KeyStatusSchema, SetKeyRequestSchema } from '../../domain/api-key';
import { ConnectionTestSchema } from '../../domain/gateway';
import { AppCommandSchema, ModalStateSchema, TitleStateSchema } from '../../domain/commands';
import { channel, noPayload } from '../define';

const KeyDestinationSchema = z.object({ baseUrl: z.string(), needsConfirmation: z.boolean(), message: z.string().nullable() }).strict();

export const appChannels = {
  'app:info': channel(noPayload, z.object({ version: z.string(), platform: z.string() }).strict()),
  'settings:get': channel(noPayload, SettingsSchema),
  'settings:update': channel(SettingsPatchSchema, SettingsSchema),
  'key:status': channel(noPayload, KeyStatusSchema),
  'key:set': channel(SetKeyRequestSchema, KeyStatusSchema),
  'key:clear': channel(noPayload, KeyStatusSchema),
  'key:test': channel(noPayload, ConnectionTestSchema),
  /** Whether the saved key waits for the artist to confirm a changed gateway address (main's words in `message`). */
  'key:destination': channel(noPayload, KeyDestinationSchema),
  /** Main asks the artist itself (its own dialog) before the key may go to `baseUrl`, the current address. */
  'key:confirmBaseUrl': channel(z.object({ baseUrl: z.string().min(1).max(2048) }).strict(), KeyDestinationSchema),
  /** The renderer reports the project title and unsaved state; main shows them in the title bar and asks before closing. */
  'app:setTitleState': channel(TitleStateSchema, z.null()),
  /** The renderer is listening for menu commands, and whether a modal dialog is open (menu routing). */
  'app:setModalState': channel(ModalStateSchema, z.null()),
};

export const appEvents = {
  'settings:changed': SettingsSchema,
  'key:changed': KeyStatusSchema,
  'app:command': z.object({ command: AppCommandSchema }).strict(),
};
