/**
 * The status bar's Spent while a paid job waits at the gateway: the queue reports accepted jobs
 * whose images have not arrived (`awaiting`, in images: their cost comes with them), and the bar
 * says so beside what was spent, with the title saying why and how they arrive. Before, it read
 * "Spent $0.00" as if nothing were paid. The numbers main really sends are proven in
 * test/electron/services/gateway/awaiting-collection and in the browser (status-awaiting e2e).
 */
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { finishJob, makeTake, snapshotOf } from '../../fake-project-backend';
import { renderApp } from '../../render-app';
import { sampleProject } from '../../store-kit';

afterEach(cleanup);

const spent = () => screen.getByTestId('spent');

describe('Spent while a paid job waits', () => {
  it('says an accepted job is paid and waiting, kept or not, until its image arrives and Spent counts it', async () => {
    const { store, main, emit } = await renderApp({ project: sampleProject(1) });
    await act(() => store.getState().generate(['p1']));
    const [job] = main.jobs;
    if (!job) throw new Error('no job started');
    act(() => {
      Object.assign(job, { state: 'polling', remoteJobId: 'job_1' });
      main.awaiting = { requests: 1, images: 1 };
      emit('jobs:progress', snapshotOf(main));
    });
    expect(spent().textContent).toBe('Spent $0.00 · 1 image paid, waiting to be collected');
    expect(spent().title).toContain('Paid for and not here yet: 1 image (1 request) the gateway accepted.');
    expect(spent().title).toContain('Spent adds their cost, as the gateway reports it, when they arrive');

    // Contact lost: the job is kept at the gateway, still paid and waiting (Collect brings it).
    act(() => {
      Object.assign(job, { state: 'failed', retryable: true, error: { code: 'GATEWAY_JOB_KEPT', message: 'The image service accepted this panel’s job, but Castboard lost contact with it.' } });
      emit('jobs:progress', snapshotOf(main));
    });
    expect(spent().textContent).toBe('Spent $0.00 · 1 image paid, waiting to be collected');

    act(() => {
      main.awaiting = { requests: 0, images: 0 };
      finishJob(main, emit, job.id, [makeTake('t-new', 500)]);
    });
    expect(spent().textContent).toBe('Spent $0.05');
    expect(spent().title).not.toContain('not here yet');
  });

  it('counts waiting images beside an outcome unknown, in plain plurals', async () => {
    const { main, emit } = await renderApp({ project: sampleProject(1) });
    act(() => {
      main.awaiting = { requests: 2, images: 3 };
      const snapshot = snapshotOf(main);
      emit('jobs:progress', { ...snapshot, spentCents: 5, spend: { ...snapshot.spend, unknownRequests: 1, unknownCents: 5 } });
    });
    expect(spent().textContent).toBe('Spent $0.05 (1 outcome unknown) · 3 images paid, waiting to be collected');
    expect(spent().title).toContain('3 images (2 requests) the gateway accepted');
  });
});
