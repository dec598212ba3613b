// Renderer entry: pick the client (Electron preload or WebSocket), load the UI language's texts (only that one)
// and mount the app. The language stored in the settings wins; the browser's is fetched meanwhile as a guess, and
// the home screen's data is asked for at the same time (prefetch.ts).
import { createRoot } from 'react-dom/client';
import { langFromLocale, type UiLang } from '../shared/i18n/langs.js';
import { App } from './app/App.js';
import { loadLocale } from './app/locales.js';
import { prefetch } from './app/prefetch.js';
import { pickClient } from './client.js';

const { client } = pickClient(window as unknown as { calpump?: unknown });
if (/^(#\/?(home)?)?$/.test(location.hash)) prefetch(client, ['jobs.list', 'app.state', 'profiles.list']);
const guess = langFromLocale(navigator.language);
void loadLocale(guess).catch(() => undefined);
const lang: UiLang = await client['app.getSettings']().then(
  (s) => s.language,
  () => guess,
);
await loadLocale(lang).catch(() => undefined);
const root = document.getElementById('root');
if (root) createRoot(root).render(<App client={client} initialLang={lang} />);
