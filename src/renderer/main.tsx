// Renderer entry: pick the client (Electron preload or WebSocket) and mount the app.
import './csp-setup.js';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { pickClient } from './client.js';

const { client } = pickClient(window as unknown as { calpump?: unknown });
const root = document.getElementById('root');
if (root) createRoot(root).render(<App client={client} />);
