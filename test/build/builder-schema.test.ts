// Both installer configurations, loaded and checked by electron-builder's own code against its own schema
// (app-builder-lib's scheme.json), as `electron-builder --config <file>` would before building: the per-user
// NSIS installer, and the per-machine NSIS installer with the MSI.
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, validateBuilderConfig, type BuilderConfig } from './builder-config.js';

describe('electron-builder configuration', () => {
  it('per-user NSIS (electron-builder.yml) matches the schema', async () => {
    const config = await loadBuilderConfig('electron-builder.yml');
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
  });

  it('per-machine NSIS and MSI (electron-builder.machine.yml) match the schema', async () => {
    const config = await loadBuilderConfig('electron-builder.machine.yml');
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: true, runAfterFinish: false, deleteAppDataOnUninstall: false });
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: true, runAfterFinish: false });
    expect(config.msi?.upgradeCode).toBe('A47408B0-A9B5-5E98-8405-4216DE583C27');
    // The two builds never overwrite each other's installers or update files.
    expect(config.directories?.output).toBe('release/machine');
    expect((await loadBuilderConfig('electron-builder.yml')).directories?.output).toBe('release/user');
  });

  it('names the publisher updates must be signed by, and a feed address that never resolves', async () => {
    for (const file of ['electron-builder.yml', 'electron-builder.machine.yml']) {
      const config = await loadBuilderConfig(file);
      expect(config.win?.signtoolOptions?.publisherName, file).toEqual(['Calpump']);
      expect(config.win?.verifyUpdateCodeSignature, file).toBe(true);
      // The app is told its real feed by the administrator's policy; the built-in one is reserved (.invalid).
      expect(config.publish, file).toEqual([{ provider: 'generic', url: 'https://updates.invalid/calpump' }]);
    }
  });

  it.each<[string, (c: BuilderConfig) => BuilderConfig]>([
    ['a misspelt NSIS option', (c) => ({ ...c, nsis: { ...c.nsis, perMachin: true } })],
    ['an MSI option of the wrong type', (c) => ({ ...c, msi: { ...c.msi, perMachine: 'sometimes' } })],
    ['an unknown top-level option', (c) => ({ ...c, electronFusez: {} })],
  ])('the schema check refuses %s', async (_what, spoil) => {
    const config = await loadBuilderConfig('electron-builder.machine.yml');
    await expect(validateBuilderConfig(spoil(config))).rejects.toThrow(/does not match the API schema/);
  });
});
