/** Renderer entry: reads the bridge once, builds the store, renders the app. */
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

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={createWiredAppStore(getBridge())}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
