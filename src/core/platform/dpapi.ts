// Windows' Data Protection API behind one small interface: the secret store's key is protected with it on
// Windows (no key file beside the store). `currentUser` data opens only for the same Windows account (the CLI,
// the desktop app and a scheduled task of that user); `localMachine` data opens for any process on the machine
// (a service account's config folder is protected by its ACL). Tests use a typed fake (test/support).
import { createRequire } from 'node:module';

export type DpapiScope = 'currentUser' | 'localMachine';

export interface Dpapi {
  protect(data: Buffer, scope: DpapiScope, entropy: Buffer): Promise<Buffer>;
  unprotect(blob: Buffer, scope: DpapiScope, entropy: Buffer): Promise<Buffer>;
}

interface PrimnoDpapi {
  isPlatformSupported: boolean;
  Dpapi: {
    protectData(data: Uint8Array, entropy: Uint8Array | null, scope: 'CurrentUser' | 'LocalMachine'): Uint8Array;
    unprotectData(data: Uint8Array, entropy: Uint8Array | null, scope: 'CurrentUser' | 'LocalMachine'): Uint8Array;
  };
}

const SCOPES = { currentUser: 'CurrentUser', localMachine: 'LocalMachine' } as const;

/**
 * The real DPAPI through @primno/dpapi (N-API prebuilds for Windows x64/arm64, so the same binary loads in
 * Node and in Electron). Undefined where the platform has none (every system but Windows).
 */
export function windowsDpapi(platform: NodeJS.Platform = process.platform): Dpapi | undefined {
  if (platform !== 'win32') return undefined;
  const lib = createRequire(import.meta.url)('@primno/dpapi') as PrimnoDpapi;
  if (!lib.isPlatformSupported) return undefined;
  return {
    protect: async (data, scope, entropy) => Buffer.from(lib.Dpapi.protectData(data, entropy, SCOPES[scope])),
    unprotect: async (blob, scope, entropy) => Buffer.from(lib.Dpapi.unprotectData(blob, entropy, SCOPES[scope])),
  };
}
