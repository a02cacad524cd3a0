/**
 * Small building blocks of the project document: ids, bounded text, timestamps and the open
 * parameter bags kept for provenance. Bounds exist so a damaged or hostile file cannot make the
 * app allocate without limit; they are far above anything an artist types.
 */
import { z } from 'zod';
import { imageRefProblem, isImageRef } from './project-image-ref';

/** Ids are opaque; UUIDs from crypto.randomUUID() (random-id.ts) fit, and so do short test ids. */
export const IdSchema = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(64, 'an id is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'an id uses only letters, digits, "-" and "_"');

export function boundedText(max: number) {
  return z.string().max(max, `at most ${max} characters`);
}

/**
 * An image the document names (see project-image-ref.ts). The message says which rule a bad path
 * breaks; `params.imageRef` lets the reader tell an unsafe path from any other bad value.
 */
export const ImageRefSchema = z.string().refine(isImageRef, {
  error: (issue) => imageRefProblem(String(issue.input)) ?? undefined,
  params: { imageRef: true },
});

export const IsoDateSchema = z.iso.datetime({ offset: true, message: 'expected a date and time such as 2025-11-21T17:40:00.000Z' });

const ScalarSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

/**
 * Request parameters kept with a take or a pending job (size, style_type, image_weight...).
 * JSON scalars and flat arrays of them: enough for Ideogram's fields, never image bytes.
 */
export const ParamsSchema = z.record(z.string().max(100), z.union([ScalarSchema, z.array(ScalarSchema).max(100)]));
export type Params = z.infer<typeof ParamsSchema>;
