// A typed fake of the Windows proxy setting (src/core/platform/windows-proxy.ts) for Linux CI: returns the state
// a test sets and counts reads, so the code that applies the setting (WPAD, PAC, bypass list) runs unchanged.
import type { WindowsProxySettings, WindowsProxyState } from '../../src/core/platform/windows-proxy.js';

export interface FakeWindowsProxy extends WindowsProxySettings {
  state: WindowsProxyState;
  reads: number;
}

export function fakeWindowsProxy(state: Partial<WindowsProxyState> = {}): FakeWindowsProxy {
  const fake: FakeWindowsProxy = {
    state: { dnsDomains: [], ...state },
    reads: 0,
    async read() {
      fake.reads++;
      return structuredClone(fake.state);
    },
  };
  return fake;
}
