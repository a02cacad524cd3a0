/**
 * Contact sheet options checked without loading zod when they are fine: the compiled check
 * (compiled-checks/) answers first; a value it does not accept goes to parseContactSheetOptions
 * (options.ts), which decides and words the problem. The result and the errors are exactly those
 * of parseContactSheetOptions (test/electron/services/compiled-checks.test.ts).
 */
import { failed } from '../../../shared/compiled-checks/kit';
import { checkContactSheetOptions } from '../compiled-checks/contact-sheet-options.generated';
import type { ContactSheetOptions } from './options';

export async function resolveContactSheetOptions(raw: unknown): Promise<ContactSheetOptions> {
  const quick = checkContactSheetOptions(raw ?? {});
  if (!failed(quick)) return quick as ContactSheetOptions;
  const { parseContactSheetOptions } = await import('./options');
  return parseContactSheetOptions(raw);
}
