// electron-builder afterPack hook (electron-builder.yml `afterPack`): flips Electron's fuses in the packaged
// Calpump.exe with Electron's own tool (@electron/fuses), then reads them back and stops the build if any fuse is
// not as set here. It runs after the app is packed and before electron-builder signs, so the signature covers
// the flipped binary. test/build/fuses.test.ts pins every value below: loosening one fails `npm test`.
//
// Why each fuse:
// - RunAsNode off: `ELECTRON_RUN_AS_NODE=1 Calpump.exe script.js` would run any script as the user, with the
//   user's DPAPI-protected secrets in reach.
// - NODE_OPTIONS off, --inspect/--inspect-brk off: the same, through `NODE_OPTIONS=--require …` or a debugger port.
// - Cookie encryption on: the window's cookies (none are expected; the session token lives in memory) are
//   encrypted with the OS key store like Chrome's.
// - Embedded asar integrity validation and only-load-from-asar on: Electron checks app.asar against the hash
//   electron-builder embeds in the .exe and loads the app from nowhere else, so a file dropped beside it (an
//   `app` folder, an edited app.asar) does not run.
// - Browser-process V8 snapshot: off (default; Calpump ships no custom snapshot).
// - File protocol extra privileges: kept on (Electron's default). The renderer is loaded from file:// and its
//   module scripts need file:// to load sibling files; the window's request filter (src/main/url-guards.ts)
//   limits what file:// may reach to the renderer's own folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/** The fuse settings, by @electron/fuses option name. */
export const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: true,
});

/** The configuration handed to flipFuses. */
export function fuseConfig() {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: false };
  for (const [name, value] of Object.entries(FUSES)) config[FuseV1Options[name]] = value;
  return config;
}

const ENABLE = 0x31;
const DISABLE = 0x30;

/** Names of the fuses whose state in a wire read from a binary differs from FUSES (a removed fuse counts too). */
export function fuseDifferences(wire) {
  return Object.entries(FUSES)
    .filter(([name, value]) => wire[FuseV1Options[name]] !== (value ? ENABLE : DISABLE))
    .map(([name]) => name);
}

/** The packaged executable electron-builder made for this platform. */
export function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  return join(appOutDir, packager.executableName ?? name);
}

export async function applyFuses(exe) {
  await readFile(exe).catch((e) => {
    throw new Error(`fuses: the packaged executable ${exe} cannot be read (${e.code ?? e.message})`);
  });
  await flipFuses(exe, fuseConfig());
  const differences = fuseDifferences(await getCurrentFuseWire(exe));
  if (differences.length) throw new Error(`fuses: ${exe} still has ${differences.join(', ')} not as configured in build/fuses.mjs`);
}

export default async function afterPack(context) {
  await applyFuses(executablePath(context));
}
