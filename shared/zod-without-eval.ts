/**
 * Import this FIRST in every module that builds zod schemas under the renderer's CSP (the
 * renderer's lazily loaded answer schemas, shared/ipc/answer-schemas.ts; the preload and the
 * harness bridge). The CSP forbids eval, and zod otherwise probes `new Function` for its JIT fast path when
 * schemas are built — refused and reported as a CSP violation on every start.
 */
import { z } from 'zod';

z.config({ jitless: true });
