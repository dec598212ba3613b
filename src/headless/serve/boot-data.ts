// The home screen's calls answered while the page is served, written into the page as a JSON data block
// (src/shared/rpc/boot-data.ts): the first screen renders from them without waiting for the WebSocket.
import type { Dispatcher } from '../../core/rpc/dispatcher.js';
import type { IncomingMessage } from 'node:http';
import { BOOT_METHODS, bootDataElement, type BootData } from '../../shared/rpc/boot-data.js';
import { localePreloadLinks, pageLanguage } from './locale-preload.js';

/** The home screen's answers; a call that fails is left out (the page makes it again over the socket). */
export async function bootData(dispatcher: Pick<Dispatcher, 'call'>): Promise<BootData> {
  const out: Record<string, unknown> = {};
  await Promise.all(
    BOOT_METHODS.map(async (m) => {
      const r = await dispatcher.call(m, {}).catch(() => undefined);
      if (r?.ok) out[m] = r.output;
    }),
  );
  return out;
}

/** What the page's head gets: the data block, and the page's language files announced (locale-preload.ts). */
export async function bootHead(dispatcher: Pick<Dispatcher, 'call'>, uiDir: string, req: IncomingMessage): Promise<string> {
  const data = await bootData(dispatcher);
  const lang = pageLanguage(data['app.getSettings']?.language, req.headers['accept-language']);
  return bootDataElement(data) + (await localePreloadLinks(uiDir, lang));
}
