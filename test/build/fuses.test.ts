// Electron's fuses in the packaged app: the settings are pinned here (a loosened fuse fails this test), the
// afterPack hook flips them with @electron/fuses in a binary laid out as Electron's and reads them back, and the
// builder configuration runs that hook with nothing after it that could flip them again.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import afterPack, { FUSES, executablePath, fuseDifferences } from '../../build/fuses.mjs';
import { loadBuilderConfig } from './builder-config.js';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
/** Electron's defaults for its nine V1 fuses (the ninth, WasmTrapHandlers, is newer than @electron/fuses 1.8). */
const ELECTRON_DEFAULTS = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];

/** A stand-in Calpump.exe: bytes around a fuse wire exactly where and how Electron keeps it. */
function fakeElectron(wire = ELECTRON_DEFAULTS): Buffer {
  return Buffer.concat([
    Buffer.from('MZ\x90\x00 not really an executable '),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, wire.length, ...wire]),
    Buffer.from(' trailing bytes'),
  ]);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-fuses-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const context = (appOutDir: string) => ({
  appOutDir,
  electronPlatformName: 'win32',
  packager: { appInfo: { productFilename: 'Calpump' } },
});

describe('Electron fuses', () => {
  it('are set to the hardened values (a loosened fuse fails here)', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: true,
    });
    // Every fuse @electron/fuses knows has a value: none is left to Electron's default by omission.
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
  });

  it('the afterPack hook flips them in Calpump.exe and they read back as set', async () => {
    const exe = join(dir, 'Calpump.exe');
    expect(executablePath(context(dir))).toBe(exe);
    await writeFile(exe, fakeElectron());
    await afterPack(context(dir));
    const wire = await getCurrentFuseWire(exe);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect((wire as Record<number, unknown>)[8]).toBe(ON); // a fuse this tool does not know stays as Electron shipped it
    expect(fuseDifferences(wire)).toEqual([]);
    // Only the wire changed: the rest of the binary is byte for byte the same.
    const before = fakeElectron();
    const after = await readFile(exe);
    expect(after.length).toBe(before.length);
    const wireAt = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(after.subarray(0, wireAt).equals(before.subarray(0, wireAt))).toBe(true);
    expect(after.subarray(wireAt + 9).equals(before.subarray(wireAt + 9))).toBe(true);
  });

  it('names every fuse of a binary that is looser than configured', async () => {
    const exe = join(dir, 'loose.exe');
    await writeFile(exe, fakeElectron());
    expect(fuseDifferences(await getCurrentFuseWire(exe))).toEqual([
      'RunAsNode',
      'EnableCookieEncryption',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments',
      'EnableEmbeddedAsarIntegrityValidation',
      'OnlyLoadAppFromAsar',
    ]);
  });

  it('stops the build when the executable is missing or has no fuse wire', async () => {
    const empty = await mkdtemp(join(dir, 'empty-'));
    await expect(afterPack(context(empty))).rejects.toThrow(/cannot be read/);
    await writeFile(join(empty, 'Calpump.exe'), 'MZ no sentinel here');
    await expect(afterPack(context(empty))).rejects.toThrow(/sentinel/);
  });
});

describe('the installer configurations run the fuse hook', () => {
  it.each(['electron-builder.yml', 'electron-builder.machine.yml'])('%s', async (file) => {
    const config = await loadBuilderConfig(file);
    expect(config.afterPack).toBe('./build/fuses.mjs');
    // electron-builder's own `electronFuses` runs after afterPack and would overwrite what the hook set.
    expect(config.electronFuses).toBeUndefined();
    // Asar integrity validation needs the asar and the hash electron-builder embeds in the .exe.
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });
});
