// The first screen's data sent with the page: `calpump serve` answers the home screen's calls while it serves
// index.html and writes the answers into a JSON data block (<script type="application/json">). A data block is
// never executed, so the CSP stays `script-src 'self'`; the page is behind the same session token as the RPC.
// The renderer then renders its first screen without waiting for the WebSocket to open and answer; the same
// calls still go out over the socket at boot, and their answers replace these once they arrive.
import type { RpcMethod, RpcOutput } from './contract.js';

export const BOOT_DATA_ID = 'calpump-boot';
/** `<meta name=… content=…>` with the nonce the page's CSP allows style elements by (calpump serve writes it). */
export const STYLE_NONCE_META = 'calpump-style-nonce';

/** The calls the first screen makes before it can show anything (settings for the language, then home's data). */
export const BOOT_METHODS = ['app.getSettings', 'jobs.list', 'app.state', 'profiles.list'] as const satisfies readonly RpcMethod[];
export type BootMethod = (typeof BOOT_METHODS)[number];
export type BootData = { [M in BootMethod]?: RpcOutput<M> };

/** The data block for an HTML page. `<` is escaped, so no text in the data can end the element early. */
export function bootDataElement(data: BootData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${BOOT_DATA_ID}">${json}</script>`;
}

/** The page's data block, if it has one (the Electron window and a page served without it have none). */
export function readBootData(doc: { getElementById(id: string): { textContent: string | null } | null }): BootData {
  const text = doc.getElementById(BOOT_DATA_ID)?.textContent;
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Record<string, unknown> = {};
    for (const m of BOOT_METHODS) if (m in parsed) out[m] = (parsed as Record<string, unknown>)[m];
    // The host wrote these with its own validated outputs (the same answers the socket would carry).
    return out;
  } catch {
    return {};
  }
}
