/**
 * Import this FIRST in every entry that runs under the renderer's CSP (renderer, preload, harness
 * bridge). The CSP forbids eval, and zod otherwise probes `new Function` for its JIT fast path when
 * schemas are built — refused and reported as a CSP violation on every start.
 */
import { z } from 'zod';

z.config({ jitless: true });
