/**
 * The zod schemas of errors.ts: what a serialized error crossing IPC must look like. Kept apart
 * so that throwing or recognising a CastboardError never loads zod.
 */
import { z } from 'zod';
import { errorCodes, type SerializedError } from './errors';

export const ErrorCodeSchema = z.enum(errorCodes);

export const SerializedErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() }) satisfies z.ZodType<SerializedError>;
