import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/domain/project';
import { finishJob, makeTake, snapshotOf } from '../../fake-project-backend';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

/** Panels 1-2 have takes, 3-5 do not; panel 5 has no scene. */
function mixedProject(): Project {
  const project = sampleProject(5, [1, 1]);
  return { ...project, panels: project.panels.map((panel) => (panel.id === 'p5' ? { ...panel, scenePrompt: '' } : panel)) };
}

describe('batch generation', () => {
  it('Generate missing shows the image count and cost first, names skipped panels, and Cancel spends nothing', async () => {
    const { user, callsTo } = await renderApp({ project: mixedProject() });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    expect(await within(dialog).findByRole('button', { name: 'Generate 2 images ($0.10)' })).toBeTruthy();
    expect(callsTo('jobs:estimate')).toEqual([{ panelIds: ['p3', 'p4'], variations: 1 }]);
    expect(dialog.textContent).toContain('Panel 5: Describe the scene first.');
    await user.click(within(dialog).getByRole('radio', { name: '3 per panel' }));
    expect(await within(dialog).findByRole('button', { name: 'Generate 6 images ($0.30)' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Generate missing panels' })).toBeNull();
    expect(callsTo('jobs:generate')).toEqual([]);
  });

  it('when the price cannot be worked out, says so and Try again asks for it again, then generates at that price', async () => {
    const { user, callsTo, main } = await renderApp({ project: mixedProject() });
    main.estimateErrors = [{ code: 'INTERNAL', message: 'Castboard could not reach its background process.' }];
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Castboard could not reach its background process.');
    expect(dialog.textContent).toContain('The cost could not be worked out, so nothing has started or been charged.');
    expect(within(dialog).queryByRole('button', { name: /Working out the cost/ })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Generate 2 images ($0.10)' }));
    expect(callsTo('jobs:estimate')).toEqual([
      { panelIds: ['p3', 'p4'], variations: 1 },
      { panelIds: ['p3', 'p4'], variations: 1 },
    ]);
    expect(callsTo('jobs:generate')).toEqual([{ panelIds: ['p3', 'p4'], variations: 1, seed: null }]);
  });

  it('after Try again, the keys are on Cancel, not on the paying button that replaces it: a second Enter pays nothing', async () => {
    const { user, callsTo, main } = await renderApp({ project: mixedProject() });
    main.estimateErrors = [{ code: 'INTERNAL', message: 'Castboard could not reach its background process.' }];
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    (await within(dialog).findByRole('button', { name: 'Try again' })).focus();
    await user.keyboard('{Enter}');
    const pay = await within(dialog).findByRole('button', { name: 'Generate 2 images ($0.10)' });
    expect(document.activeElement).not.toBe(pay);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(callsTo('jobs:generate')).toEqual([]);
  });

  it('a failed price for one variation count is not shown for another: changing it asks again', async () => {
    const { user, main } = await renderApp({ project: mixedProject() });
    main.estimateErrors = [{ code: 'INTERNAL', message: 'Castboard could not reach its background process.' }];
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    const dialog = screen.getByRole('dialog', { name: 'Generate missing panels' });
    await within(dialog).findByRole('button', { name: 'Try again' });
    await user.click(within(dialog).getByRole('radio', { name: '2 per panel' }));
    expect(await within(dialog).findByRole('button', { name: 'Generate 4 images ($0.20)' })).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('Generate selected (G) starts only the ready selected panels after confirming, with overall progress', async () => {
    const { user, callsTo, main, emit } = await renderApp({ project: mixedProject() });
    await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 1' }));
    await user.keyboard('{Control>}a{/Control}g');
    const dialog = screen.getByRole('dialog', { name: 'Generate selected panels' });
    await user.click(await within(dialog).findByRole('button', { name: 'Generate 4 images ($0.20)' }));
    expect(callsTo('jobs:generate')).toEqual([{ panelIds: ['p1', 'p2', 'p3', 'p4'], variations: 1, seed: null }]);
    expect(screen.getByRole('progressbar', { name: 'Batch progress' }).getAttribute('value')).toBe('0');
    act(() => {
      const [first, second] = main.jobs;
      if (first) first.state = 'done';
      if (second) second.state = 'sending';
      emit('jobs:progress', snapshotOf(main));
    });
    expect(screen.getByText('1 of 4 panels done')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel all' }));
    expect(callsTo('jobs:cancelAll')).toHaveLength(1);
  });
  it('after Cancel all, counts cancelled panels as cancelled, not done, in the banner and the status bar', async () => {
    const { user, main, emit } = await renderApp({ project: mixedProject() });
    await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 1' }));
    await user.keyboard('{Control>}a{/Control}g');
    await user.click(await within(screen.getByRole('dialog', { name: 'Generate selected panels' })).findByRole('button', { name: 'Generate 4 images ($0.20)' }));
    act(() => {
      // What Cancel all leaves: the waiting panels cancelled, the one in flight finishing (paid for).
      const [first, second, third, fourth] = main.jobs;
      if (first) first.state = 'done';
      if (second) Object.assign(second, { state: 'sending', cancelRequested: true });
      if (third) third.state = 'cancelled';
      if (fourth) fourth.state = 'cancelled';
      emit('jobs:progress', snapshotOf(main));
    });
    expect(screen.getByText('1 of 4 panels done · 2 cancelled')).toBeTruthy();
    const status = within(screen.getByRole('contentinfo', { name: 'Status' }));
    expect(status.getByText(/^Generating/).textContent).toBe('Generating 1/4 · 2 cancelled');
    // Both bars measure the work still meant to happen: one of the two panels not cancelled.
    for (const bar of [screen.getByRole('progressbar', { name: 'Batch progress' }), status.getByRole('progressbar', { name: 'Generation progress' })]) {
      expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['1', '2']);
    }
  });
});

describe('jobs main reports running when the board opens', () => {
  it('resumed after reopening (or from before a reload), they are the batch: progress in the banner and status bar, and Cancel all', async () => {
    const resumed = ['p3', 'p4', 'p5'].map((panelId, index) => ({ id: `resumed-${index + 1}`, panelId, kind: 'generate' as const, state: 'polling' as const }));
    const { user, main, emit, callsTo } = await renderApp({ project: mixedProject(), main: { jobs: resumed } });
    const status = within(screen.getByRole('contentinfo', { name: 'Status' }));
    expect(status.getByText(/^Generating/).textContent).toBe('Generating 0/3');
    expect(status.queryByText('Queue idle')).toBeNull();
    expect(screen.getByText('0 of 3 panels done')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Batch progress' }).getAttribute('max')).toBe('3');

    act(() => finishJob(main, emit, 'resumed-1', [makeTake('p3-new', 30)]));
    expect(screen.getByText('1 of 3 panels done')).toBeTruthy();
    expect(status.getByText(/^Generating/).textContent).toBe('Generating 1/3');
    await user.click(screen.getByRole('button', { name: 'Cancel all' }));
    expect(callsTo('jobs:cancelAll')).toHaveLength(1);
    expect(status.getByText('Queue idle')).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: 'Batch progress' })).toBeNull();
  });

  it('a job started here while resumed ones run joins the same batch, counted once', async () => {
    const resumed = [{ id: 'resumed-1', panelId: 'p4', kind: 'generate' as const, state: 'polling' as const }];
    const { user } = await renderApp({ project: mixedProject(), main: { jobs: resumed } });
    await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 3' }));
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.getByText('0 of 2 panels done')).toBeTruthy();
  });
});

describe('after a batch with failures', () => {
  it('says how many panels failed and clears the messages on request', async () => {
    const { user, callsTo, main, emit } = await renderApp({ project: mixedProject() });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    await user.click(await within(screen.getByRole('dialog', { name: 'Generate missing panels' })).findByRole('button', { name: 'Generate 2 images ($0.10)' }));
    act(() => {
      const [first, second] = main.jobs;
      if (first) first.state = 'done';
      if (second) Object.assign(second, { state: 'failed', error: { code: 'GATEWAY_SAFETY_REJECTED', message: 'The safety check refused this panel.' } });
      emit('jobs:progress', snapshotOf(main));
    });
    expect(screen.getByText('1 panel failed')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear messages' }));
    expect(callsTo('jobs:clearFinished')).toHaveLength(1);
    expect(screen.queryByText('1 panel failed')).toBeNull();
  });
});

describe('a job kept at the gateway', () => {
  it('is not counted as a failure: paid for, collected by its Collect button or the next open', async () => {
    const { user, main, emit, callsTo } = await renderApp({ project: mixedProject() });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    await user.click(await within(screen.getByRole('dialog', { name: 'Generate missing panels' })).findByRole('button', { name: 'Generate 2 images ($0.10)' }));
    act(() => {
      const [first, second] = main.jobs;
      if (first) Object.assign(first, { state: 'failed', retryable: true, error: { code: 'GATEWAY_JOB_KEPT', message: "The image service accepted this panel's job, but Castboard lost contact with it." } });
      if (second) second.state = 'done';
      emit('jobs:progress', snapshotOf(main));
    });
    expect(screen.getByTestId('kept-at-gateway').textContent).toBe(
      "1 panel's image is paid for and still at the gateway: Collect on its card fetches it without paying again, and it arrives by itself when the project is next opened.",
    );
    expect(screen.queryByText(/^\d+ panels? failed$/)).toBeNull();
    // Its card offers Collect (nothing new is paid), not Retry; Collect asks main for that same job.
    expect(screen.queryAllByRole('button', { name: /^Retry panel/ })).toHaveLength(0);
    await user.click(screen.getAllByRole('button', { name: /^Collect panel \d+'s image$/ })[0]!);
    expect(callsTo('jobs:retry')).toEqual([{ jobId: main.jobs[0]?.id }]);
    expect(callsTo('jobs:generate')).toHaveLength(1);
  });
});

describe('outcome unknown', () => {
  it('Retry sends the same request again (same job, same key), and the summary counts what may have been paid', async () => {
    const { user, main, emit, callsTo } = await renderApp({ project: mixedProject() });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    await user.click(await within(screen.getByRole('dialog', { name: 'Generate missing panels' })).findByRole('button', { name: 'Generate 2 images ($0.10)' }));
    const [first, second] = main.jobs;
    act(() => {
      if (first) first.state = 'done';
      if (second) Object.assign(second, { state: 'failed', paidWithoutImage: 'unknown', retryable: true, error: { code: 'GATEWAY_OUTCOME_UNKNOWN', message: 'Outcome unknown (no answer in time): this image may have been charged.' } });
      const snapshot = snapshotOf(main);
      emit('jobs:progress', { ...snapshot, spentCents: 10, spend: { ...snapshot.spend, storedImages: 1, storedCents: 5, unknownRequests: 1, unknownCents: 5 } });
    });
    // Only the kinds that happened are named: no "0 unusable".
    expect(screen.getByTestId('paid-without-image').textContent).toBe('Paid for without an image: $0.05 (1 outcome unknown).');
    expect(screen.getByTestId('spent').textContent).toBe('Spent $0.10 (1 outcome unknown)');
    const generatesBefore = callsTo('jobs:generate').length;
    // A double click retries once: Retry pays again.
    await user.dblClick(screen.getAllByRole('button', { name: 'Retry panel 4' })[0]!);
    expect(callsTo('jobs:retry')).toEqual([{ jobId: second?.id }]);
    expect(callsTo('jobs:generate')).toHaveLength(generatesBefore);
  });
});

describe('a long error message', () => {
  it('is whole in the inspector, and whole in the title of the clamped text on the card', async () => {
    const { user, main, emit } = await renderApp({ project: mixedProject() });
    const panels = within(screen.getByRole('list', { name: 'Panels' }));
    await user.click(panels.getByRole('listitem', { name: 'Panel 3' }));
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    // The gateway's words for a timeout: the sentence that matters (no double charge) is the last.
    const message =
      'Outcome unknown (no answer in time): this image may have been charged. The request reached the image service but no answer came back. Retry sends it again with the same Idempotency-Key, so a gateway that honours that key does not charge twice.';
    act(() => {
      const [job] = main.jobs;
      if (job) Object.assign(job, { state: 'failed', paidWithoutImage: 'unknown', retryable: true, error: { code: 'GATEWAY_OUTCOME_UNKNOWN', message } });
      emit('jobs:progress', snapshotOf(main));
    });
    const onCard = within(panels.getByRole('listitem', { name: 'Panel 3' })).getByRole('alert');
    const cardText = within(onCard).getByText(message);
    expect(cardText.getAttribute('title')).toBe(message);
    // The inspector's copy is not clamped (checked in Chromium: editor-failures.e2e.ts).
    expect(within(within(screen.getByRole('complementary', { name: 'Panel inspector' })).getByRole('alert')).getByText(message)).toBeTruthy();
  });
});

describe('a paid answer with an unusable image', () => {
  it('says in the inspector that it was charged, besides the reason', async () => {
    const { user, main, emit } = await renderApp({ project: mixedProject() });
    const panels = within(screen.getByRole('list', { name: 'Panels' }));
    await user.click(panels.getByRole('listitem', { name: 'Panel 3' }));
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    act(() => {
      const [job] = main.jobs;
      // The words main sends for a damaged image (image-safety/verify-image.ts).
      if (job) Object.assign(job, { state: 'failed', paidWithoutImage: 'unusable', retryable: true, error: { code: 'GATEWAY_BAD_IMAGE', message: 'The image service sent back a damaged or unsupported image. Nothing was changed; try generating again.' } });
      emit('jobs:progress', snapshotOf(main));
    });
    const inspector = within(within(screen.getByRole('complementary', { name: 'Panel inspector' })).getByRole('alert'));
    expect(inspector.getByText('This answer was charged: Spent counts it, and Retry is a new request.')).toBeTruthy();
  });
});

describe('paid images waiting to be written', () => {
  it('explains them and offers no Retry (it would pay again)', async () => {
    const { user, main, emit } = await renderApp({ project: mixedProject() });
    await user.click(screen.getByRole('button', { name: 'Generate missing' }));
    await user.click(await within(screen.getByRole('dialog', { name: 'Generate missing panels' })).findByRole('button', { name: 'Generate 2 images ($0.10)' }));
    act(() => {
      const [first, second] = main.jobs;
      if (first) Object.assign(first, { state: 'failed', error: { code: 'RESULT_NOT_STORED', message: 'The images were made and paid for, but could not be written yet.' } });
      if (second) Object.assign(second, { state: 'failed', error: { code: 'GATEWAY_PROVIDER_FAILED', message: 'The image service failed.' } });
      emit('jobs:progress', snapshotOf(main));
    });
    expect(screen.getAllByText(/paid for, but could not be written yet/).length).toBeGreaterThan(0);
    expect(screen.queryAllByRole('button', { name: 'Retry panel 3' })).toHaveLength(0);
    expect(screen.getAllByRole('button', { name: 'Retry panel 4' }).length).toBeGreaterThan(0);
  });
});

describe('queue pauses', () => {
  it('shows a live Retry-After countdown while rate limited', async () => {
    const { main, emit } = await renderApp({ project: sampleProject(1) });
    act(() => {
      main.pause = { reason: 'rate-limit', resumeAt: Date.now() + 27_400, message: 'The image service asked Castboard to slow down.' };
      emit('jobs:progress', snapshotOf(main));
    });
    const banner = screen.getAllByRole('status').find((element) => element.textContent?.includes('Resuming in'));
    expect(banner?.textContent).toMatch(/Resuming in 0:2[78]/);
    expect(screen.getByText(/Paused · resuming in 0:2[78]/)).toBeTruthy();
  });

  // Every reason the queue can report has its own words in the status bar; a long Retry-After
  // once read "API key refused" there while the banner asked for a 60-minute wait.
  it.each([
    ['rate-limit-long', 'The image service asked Castboard to wait 60 minutes, longer than Castboard waits by itself.', 'Paused · the gateway asked for a long wait'],
    ['out-of-credits', 'The image service is out of credits.', 'Paused · out of credits'],
    ['bad-key', 'The image service did not accept your API key.', 'Paused · API key refused'],
  ] as const)('names a %s pause in the status bar for what it is', async (reason, message, words) => {
    const { main, emit } = await renderApp({ project: sampleProject(1) });
    act(() => {
      main.pause = { reason, message };
      emit('jobs:progress', snapshotOf(main));
    });
    const status = within(screen.getByRole('contentinfo', { name: 'Status' }));
    const item = status.getByText(words);
    expect(item.getAttribute('title')).toBe(message);
    expect(status.queryAllByText(/refused/)).toHaveLength(reason === 'bad-key' ? 1 : 0);
  });

  it('shows the credits message and resumes when the artist says so', async () => {
    const { user, main, emit, callsTo } = await renderApp({ project: sampleProject(1) });
    act(() => {
      main.pause = { reason: 'out-of-credits', message: 'The image service is out of credits. Top up your AIgateway balance, then press Resume.' };
      emit('jobs:progress', snapshotOf(main));
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Top up your AIgateway balance');
    await user.click(within(alert).getByRole('button', { name: 'Resume' }));
    expect(callsTo('jobs:resume')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends a refused key to Settings', async () => {
    const { user, main, emit } = await renderApp({ project: sampleProject(1) });
    act(() => {
      main.pause = { reason: 'bad-key', message: 'The image service did not accept your API key.' };
      emit('jobs:progress', snapshotOf(main));
    });
    await user.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('shows why a start failed (no key) in words', async () => {
    const { user, main } = await renderApp({ project: sampleProject(1) });
    main.nextStartError = { code: 'NO_API_KEY', message: 'Add your AIgateway API key in Settings first.' };
    await user.click(within(screen.getByRole('list', { name: 'Panels' })).getByRole('listitem', { name: 'Panel 1' }));
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Add your AIgateway API key in Settings first.');
  });
});
