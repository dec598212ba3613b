// "System proxy" beyond HTTPS_PROXY: what the operating system would use for a URL. The desktop app asks
// Electron's session (Chromium follows the Windows setting, PAC and WPAD itself, see src/main); a headless host
// on Windows reads the Windows setting and runs its PAC file (proxy-windows.ts); elsewhere there is none and
// the environment variables are the system setting. One host-wide answerer, installed once at start.
import { nodeCommandRunner } from '../platform/command-runner.js';
import { registryProxySettings } from '../platform/windows-proxy.js';
import { windowsSystemProxy } from './proxy-windows.js';

export type { SystemProxy, SystemProxyAnswer, SystemProxyWhy } from './proxy-system-types.js';
import type { SystemProxy } from './proxy-system-types.js';

let installed: { value: SystemProxy | undefined } | undefined;

/** The host says where its system proxy comes from (the desktop app: Electron's session). Tests reset with undefined. */
export function useSystemProxy(proxy: SystemProxy | undefined | null): void {
  installed = proxy === undefined ? undefined : { value: proxy ?? undefined };
}

/** This host's system proxy: the installed one, else the Windows setting on Windows, else none. */
export function hostSystemProxy(platform: NodeJS.Platform = process.platform): SystemProxy | undefined {
  installed ??= { value: platform === 'win32' ? windowsSystemProxy(registryProxySettings(nodeCommandRunner())) : undefined };
  return installed.value;
}
