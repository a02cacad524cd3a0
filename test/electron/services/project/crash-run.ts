/**
 * `npm run test:crash` — the full crash test: `tsx crash-run.ts --iterations 200 [--seed N]`.
 * Prints one line per kill and a summary; exits 1 on any failure (with the seed to replay it).
 */
import { runCrashTest } from './crash-harness';

function option(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : undefined;
  if (value !== undefined && !Number.isInteger(value)) throw new Error(`--${name} needs a whole number`);
  return value;
}

const iterations = option('iterations') ?? 200;
const started = Date.now();
const result = await runCrashTest({ iterations, seed: option('seed'), onProgress: (line) => console.log(line) });
const seconds = ((Date.now() - started) / 1000).toFixed(1);

console.log('');
console.log(`Crash test: ${iterations} SIGKILLs of a child saving a 200-panel project (seed ${result.seed}, child via ${result.childRunner}, ${seconds} s)`);
console.log(`  saves completed by children: ${result.savesCompleted}`);
console.log(`  after a kill the folder held: the last completed save ${result.outcomes.old} times, the save in flight ${result.outcomes.new} times`);
if (result.failures.length > 0) {
  console.log(`  FAILED (${result.failures.length}):`);
  for (const failure of result.failures) console.log(`    ${failure}`);
  console.log(`  replay with: npm run test:crash -- --seed ${result.seed}`);
  process.exit(1);
}
console.log('  every kill left a complete old or complete new project with every image present: OK');
