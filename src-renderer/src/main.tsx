// Renderer entry: mounts the app. Auth (the Electron bridge or the ?token= of the page URL) is resolved
// on first import of lib/bridge, before any request is made.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './lib/bridge';
import './styles/base.css';
import './styles/layout.css';
import './styles/inbox.css';
import './styles/message.css';
import './styles/connect.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
