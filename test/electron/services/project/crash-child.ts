/**
 * Child process of the crash test: `crash-child <project folder>`. Opens the project (taking over
 * the lock left by the previously killed child), warms up, prints `ready <g>`, then saves generation g+1,
 * g+2, ... forever, printing `saved <g>` after each save has returned. The parent kills it with
 * SIGKILL at a random moment.
 */
import { openProject } from '../../../../electron/services/project/project-open';
import { generationOf, generationProject, rememberingPut } from './crash-project';

async function main(): Promise<void> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: crash-child <project folder>');
  const session = await openProject(root, { autosaveDelayMs: null });
  let generation = generationOf(session.project) ?? 0;
  const put = rememberingPut((png) => session.putImage(png));
  // Warm up (images of the current generation are already stored) so the kill lands in the save loop.
  await generationProject(generation, put);
  process.stdout.write(`ready ${generation}\n`);
  for (;;) {
    generation += 1;
    const next = await generationProject(generation, put);
    session.update(next);
    await session.save();
    process.stdout.write(`saved ${generation}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
