// Builds the home screen's formatters on a worker thread while the page's own thread loads and runs the app's
// script. ICU loads its locale data into the renderer process on the first formatter anyone builds (tens of
// milliseconds in a fresh renderer) and keeps it for the whole process, so the page's own first formatter is then
// cheap. The worker answers when it is done; the page then ends it.
import { warmIntl } from './models/warm-intl.js';

self.onmessage = (e: MessageEvent<string>) => {
  warmIntl(e.data);
  self.postMessage('done');
};
