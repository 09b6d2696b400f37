// Renderer entry: mounts the app. Auth (the Electron bridge or the ?token= of the page URL) is resolved
// on first import of lib/bridge, before any request is made; the last theme is applied before rendering.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './lib/bridge';
import { applyCachedTheme } from './lib/theme';
import './styles/base.css';
import './styles/layout.css';
import './styles/inbox.css';
import './styles/message.css';
import './styles/connect.css';
import './styles/settings.css';
import './styles/screens.css';
import './styles/feedback.css';

applyCachedTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
