// The home screen's calls answered while the page is served, written into the page as a JSON data block
// (src/shared/rpc/boot-data.ts): the first screen renders from them without waiting for the WebSocket.
import type { Dispatcher } from '../../core/rpc/dispatcher.js';
import { BOOT_METHODS, bootDataElement } from '../../shared/rpc/boot-data.js';

/** The data block for the page; a call that fails is left out (the page makes it again over the socket). */
export async function bootData(dispatcher: Pick<Dispatcher, 'call'>): Promise<string> {
  const out: Record<string, unknown> = {};
  await Promise.all(
    BOOT_METHODS.map(async (m) => {
      const r = await dispatcher.call(m, {}).catch(() => undefined);
      if (r?.ok) out[m] = r.output;
    }),
  );
  return bootDataElement(out);
}
