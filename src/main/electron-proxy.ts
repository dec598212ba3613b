// The desktop app's system proxy: Electron's session answers for each URL the way Chromium (and Edge) would on
// this machine — the Windows setting, its PAC file, and WPAD by DHCP and DNS — so the app and the browser agree.
// The engine only sees a SystemProxy (src/core/net/proxy-system.ts); tests pass a fake session.
import type { SystemProxy } from '../core/net/proxy-system.js';
import { text } from '../shared/i18n/engine-texts.js';
import type { ProxySessionLike } from './electron-api.js';

export const ELECTRON_PROXY_SOURCE = text('proxy.source.electron');

export function electronSystemProxy(session: ProxySessionLike): SystemProxy {
  return {
    async resolve(url) {
      const pac = (await session.resolveProxy(url.href)).trim() || 'DIRECT';
      return { pac, why: 'system', source: ELECTRON_PROXY_SOURCE };
    },
  };
}
