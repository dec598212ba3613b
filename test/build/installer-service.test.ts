// The per-machine installer registers the Windows service with the packaged app itself and the WinSW wrapper it
// ships: the NSIS include, the resources it relies on and the command line it calls must agree.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_SWITCH } from '../../src/main/cli-launch.js';
import { runCli } from '../headless/cli/helpers.js';
import { loadBuilderConfig, ROOT } from './builder-config.js';

const nsh = () => readFile(join(ROOT, 'build', 'installer.nsh'), 'utf8');
const macro = (text: string, name: string) =>
  text.slice(text.indexOf(`!macro ${name}`), text.indexOf('!macroend', text.indexOf(`!macro ${name}`)));

describe('Windows service in the per-machine installer', () => {
  it('only the per-machine NSIS installer includes the service script, and it ships WinSW where the script looks', async () => {
    const machine = await loadBuilderConfig('electron-builder.machine.yml');
    expect(machine.nsis?.include).toBe('build/installer.nsh');
    expect(machine.extraResources).toEqual([{ from: 'build/winsw', to: 'winsw', filter: ['WinSW-x64.exe'] }]);
    const user = await loadBuilderConfig('electron-builder.yml');
    expect(user.nsis?.include).toBeUndefined();
    expect(user.extraResources).toBeUndefined();
  });

  it('installs the service after a per-machine install (unless /noservice) through Calpump.exe --calpump-cli', async () => {
    const install = macro(await nsh(), 'customInstall');
    expect(install).toContain('${if} $installMode == "all"');
    expect(install).toContain('${GetOptions} $R0 "/noservice" $R1');
    expect(install).toContain(
      `"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" ${CLI_SWITCH} service install --winsw "$INSTDIR\\resources\\winsw\\WinSW-x64.exe"`,
    );
  });

  it('an update stops the running service before files are replaced and starts it again afterwards', async () => {
    const text = await nsh();
    const check = macro(text, 'customCheckAppRunning');
    expect(check.indexOf("'sc.exe stop Calpump'")).toBeGreaterThan(0);
    expect(check.indexOf("'sc.exe stop Calpump'")).toBeLessThan(check.indexOf('!insertmacro _CHECK_APP_RUNNING'));
    const install = macro(text, 'customInstall');
    expect(install).toContain("nsExec::ExecToLog 'sc.exe query Calpump'");
    expect(install).toContain("nsExec::ExecToLog 'sc.exe start Calpump'");
  });

  it('removes it before a per-machine uninstall, but not when an update replaces the app', async () => {
    const uninstall = macro(await nsh(), 'customUnInstall');
    expect(uninstall).toContain('${if} $installMode == "all"');
    expect(uninstall).toContain('${ifNot} ${isUpdated}');
    expect(uninstall).toContain(`"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" ${CLI_SWITCH} service uninstall`);
  });

  it('the command line accepts exactly those arguments (here it stops only because this is not Windows)', async () => {
    for (const argv of [
      ['service', 'install', '--winsw', 'C:\\Program Files\\Calpump\\resources\\winsw\\WinSW-x64.exe'],
      ['service', 'uninstall'],
    ]) {
      const r = await runCli(argv, { platform: 'linux' });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/Windows/);
    }
  });
});
