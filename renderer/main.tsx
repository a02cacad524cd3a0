/** Renderer entry: reads the bridge once, builds the store, starts the start-up requests, renders the app. */
import '../shared/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createWiredAppStore } from './app/app-store';
import { AppStoreProvider } from './state/store-context';
import { getBridge } from './lib/api';
import './styles/app.css';
import './styles/editor.css';
import './styles/board.css';
import './styles/welcome.css';
import './styles/prompt.css';
import './styles/sketch.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

const store = createWiredAppStore(getBridge());
// The start-up requests (settings, key, the open project, recent list, queue) leave now, in
// parallel, and are answered while React renders the shell; App's own boot() call reuses them.
void store.getState().boot();

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
