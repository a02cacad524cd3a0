/**
 * Composition root: adapters -> services -> IPC -> menu and window. Kept small; each feature
 * mounts its channels through one register*() call in ipc/register-all.ts, and each window-level
 * concern (placement, title, close guard, menu, single instance) is a module of its own.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { createRedactingLogger } from '../services/logging/redact';
import { createMediaHandler } from '../services/serving/media-handler';
import { createStaticHandler } from '../services/serving/static-handler';
import { createFileLogger } from './adapters/log';
import { mountProtocols, registerPrivilegedSchemes } from './adapters/protocols';
import { createDesktopServices } from './desktop-services';
import { createDispatcher } from './ipc/dispatcher';
import { installApplicationMenu } from './menu/application-menu';
import { createCommandRouter } from './menu/command-router';
import { notifyOnProjectSwitch } from './menu/follow-project';
import { createWindowCommands } from './menu/window-commands';
import { cancelJobsAndWait, createProjectOpener } from './project-opener';
import { claimSingleInstance, findProjectArg, type SingleInstance } from './single-instance';
import { startFailureMessage } from './start-failure';
import { HANDED_EDITS_WAIT_MS, type CloseGuardDeps } from './window/close-guard';
import { createMainWindowShell, type MainWindowShell } from './window/main-window-shell';
import { guardWebContents } from './window/navigation-guards';
import { lockDownSession } from './window/session-guards';
import { configureSpellcheck } from './window/spellcheck';
import { APP_NAME, createTitleKeeper } from './window/window-title';

const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// Every log line is redacted first; the current API key is looked up per line once it is known.
const fileLogger = createFileLogger({ directory: app.getPath('logs'), console: !app.isPackaged });
let currentKey: () => string | undefined = () => undefined;
const logger = createRedactingLogger(fileLogger, () => [currentKey()].filter((key): key is string => Boolean(key)));

let windows: MainWindowShell | undefined;
const instance = claimSingleInstance(app, { focus: () => windows?.focus() });
if (instance) {
  app.enableSandbox();
  registerPrivilegedSchemes();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, logger));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start(instance).catch((error: unknown) => {
    logger.error('Castboard failed to start', { error });
    const { title, content } = startFailureMessage(error, fileLogger.filePath);
    dialog.showErrorBox(title, content); // not a silent exit after a double-click
    app.exit(1);
  });
} else {
  app.quit(); // the running Castboard has been handed our arguments
}

async function start(instance: SingleInstance): Promise<void> {
  await app.whenReady();
  logger.info('Castboard started', { version: app.getVersion(), platform: process.platform, electron: process.versions.electron });
  const { services, registrar, settingsStore } = await createDesktopServices({
    userDataDir: app.getPath('userData'),
    logger,
    dispatcher: notifyOnProjectSwitch(createDispatcher(logger), () => void menu.refresh()),
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    // The window shell's parts are built below; IPC reaches them only once a window exists.
    shell: { setTitleState: (state) => title.set(state), setModalState: (state) => commands.report(state) },
    appInfo: { version: app.getVersion(), platform: process.platform },
  });
  currentKey = () => services.keyVault.getKey();
  const { workspace, generation } = services;

  lockDownSession(session.defaultSession, logger);
  configureSpellcheck(session.defaultSession, process.platform);
  mountProtocols(session.defaultSession, {
    app: createStaticHandler({ root: rendererDir }),
    media: createMediaHandler({ getProjectRoot: () => workspace.root(), prepare: (ref) => workspace.prepareMedia(ref) }),
  });

  // Window title and close guard: what the renderer reports, plus what main knows itself.
  const title = createTitleKeeper({ platform: process.platform, windows: () => BrowserWindow.getAllWindows() });
  const guard: Pick<CloseGuardDeps, 'facts' | 'handedEdits' | 'finish'> = {
    facts: () => {
      const open = workspace.current(); // with no project open there is nothing to save
      return {
        projectTitle: title.state.projectTitle ?? open?.project.title ?? null,
        unsavedChanges: open !== null && (title.state.dirty || open.status.dirty),
        jobsRunning: generation.isBusy(),
        paidInFlight: generation.paidInFlight(),
        heldImages: generation.heldImages(),
      };
    },
    handedEdits: () => title.untilEditsHanded(HANDED_EDITS_WAIT_MS),
    finish: async ({ cancelJobs }) => {
      if (cancelJobs) await cancelJobsAndWait(generation);
      await workspace.close();
    },
  };
  const onWindowClosed = () => {
    title.set({ projectTitle: null, dirty: false }); // the project closed with the window
    commands.windowClosed();
    void menu.refresh();
  };
  const shellWindows = createMainWindowShell({
    preloadPath,
    logger,
    settingsStore,
    title,
    guard,
    onClosed: onWindowClosed,
    onPageGone: () => commands.windowClosed(), // menu commands wait for the reloaded page
  });
  windows = shellWindows;

  // Projects handed over by the OS, a second launch or File > Open Recent.
  const openProject = createProjectOpener({
    workspace,
    generation,
    guard: { facts: guard.facts, handedEdits: guard.handedEdits, ask: shellWindows.ask },
    focus: shellWindows.focus,
    // Through the command gate: a page still loading would miss a push sent now.
    reload: () => {
      commands.projectChanged();
      void menu.refresh();
    },
    showError: async (message, detail) => void (await shellWindows.ask({ type: 'error', message, detail, buttons: ['OK'] })),
    logger,
  });

  // The menu: main runs About and Open Logs Folder itself; every other command goes to the page,
  // through the gate: a window is opened first if there is none, and inside a dialog Undo/Redo edit
  // the focused field while other commands wait for the dialog to close.
  const commands = createWindowCommands({ openWindow: shellWindows.focus, deliver: (command) => registrar.push('app:command', { command }) });
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion(), copyright: 'Copyright © 2026 Castboard' });
  const runCommand = createCommandRouter({
    main: {
      'help.about': () => app.showAboutPanel(),
      'help.openLogs': async () => {
        const folder = path.dirname(fileLogger.filePath);
        mkdirSync(folder, { recursive: true });
        const failure = await shell.openPath(folder);
        if (failure) logger.warn('Could not open the logs folder', { folder, failure });
      },
    },
    forward: commands.send,
    logger,
  });
  const menu = installApplicationMenu(
    async () => ({ platform: process.platform, appName: APP_NAME, hasProject: workspace.root() !== null, recent: await workspace.recent(), developer: !app.isPackaged }),
    { run: runCommand, openRecent: (folder) => void openProject(folder, { fromRecent: true }) },
    logger,
  );

  shellWindows.open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) shellWindows.open();
  });
  instance.onOpen((folder) => void openProject(folder));
  const fromLaunch = findProjectArg(process.argv, process.cwd());
  if (fromLaunch) void openProject(fromLaunch);
}
