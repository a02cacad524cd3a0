/** Renderer entry: reads the bridge once, builds the store, boots it, renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createWiredAppStore } from './app/app-store';
import { AppStoreProvider } from './state/store-context';
import { getBridge } from './lib/api';
import { prepareDateFormats } from './lib/format';
import './styles/app.css';
import './styles/editor.css';
import './styles/board.css';
import './styles/welcome.css';
import './styles/prompt.css';
import './styles/sketch.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const store = createWiredAppStore(getBridge());
// Boot now, before React's first render: it takes the answers to the start-up reads the bridge
// sent before the page loaded (shared/ipc/startup-reads.ts); App's own boot() call reuses this one.
const booted = store.getState().boot();

/**
 * The first render waits for those answers (a few milliseconds of main's time), or for
 * FIRST_RENDER_WAIT_MS if main is slow: a reopened project then appears without the welcome
 * screen flashing first, and the app shell is rendered and laid out once, not twice.
 */
const FIRST_RENDER_WAIT_MS = 1000;
let rendered = false;
function renderApp(): void {
  if (rendered || !root) return;
  rendered = true;
  createRoot(root).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <App />
      </AppStoreProvider>
    </StrictMode>,
  );
}
booted.then(renderApp, renderApp);
setTimeout(renderApp, FIRST_RENDER_WAIT_MS);

// The main thread is idle while main answers the start-up reads: load the locale data then.
requestIdleCallback(prepareDateFormats, { timeout: 2000 });
