// Calpump.exe as the command line (the Windows service and the per-machine installer run it this way).
import { describe, expect, it } from 'vitest';
import { CLI_SWITCH, cliArguments, runCliHost } from '../../src/main/cli-launch.js';
import { serviceSpec } from '../../src/headless/cli/commands/service.js';
import { CliContext } from '../../src/headless/cli/context.js';
import { processIo } from '../../src/headless/cli/io.js';
import { defaultServices } from '../../src/headless/cli/services.js';

describe('CLI launch', () => {
  it('takes the arguments after --calpump-cli right after the executable (or the app folder in development)', () => {
    expect(cliArguments(['C:\\Program Files\\Calpump\\Calpump.exe', CLI_SWITCH, 'service', 'install'])).toEqual(['service', 'install']);
    expect(cliArguments(['electron.exe', '.', CLI_SWITCH, '--version'])).toEqual(['--version']);
    expect(cliArguments(['Calpump.exe'])).toBeUndefined();
    expect(cliArguments(['Calpump.exe', '--hidden'])).toBeUndefined();
    // Not a switch buried in other arguments (a file name, a URL the OS handed over).
    expect(cliArguments(['Calpump.exe', '--hidden', 'x', CLI_SWITCH])).toBeUndefined();
  });

  it('runs the real command line and exits with its code', async () => {
    const exits: number[] = [];
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string | Uint8Array) => (out.push(String(chunk)), true);
    try {
      await runCliHost({ exit: (c) => exits.push(c) }, ['--version']);
    } finally {
      process.stdout.write = write;
    }
    expect(exits).toEqual([0]);
    expect(out.join('')).toMatch(/\d+\.\d+\.\d+/);
    await runCliHost({ exit: (c) => exits.push(c) }, ['no-such-command'], async () => ({ main: async () => 2 }));
    expect(exits).toEqual([0, 2]);
  });

  it('a command line that cannot load exits with 1', async () => {
    const exits: number[] = [];
    const err = console.error;
    console.error = () => undefined;
    try {
      await runCliHost({ exit: (c) => exits.push(c) }, [], async () => {
        throw new Error('missing chunk');
      });
    } finally {
      console.error = err;
    }
    expect(exits).toEqual([1]);
  });

  it('a service installed from Calpump.exe runs Calpump.exe --calpump-cli serve', () => {
    const ctx = new CliContext({ ...processIo(), env: { ProgramData: 'C:\\ProgramData' }, platform: 'win32' }, defaultServices);
    const spec = serviceSpec(ctx, {}, 'C:\\Program Files\\Calpump\\Calpump.exe', CLI_SWITCH);
    expect(spec.executable).toBe('C:\\Program Files\\Calpump\\Calpump.exe');
    expect(spec.arguments[0]).toBe(CLI_SWITCH);
    expect(cliArguments([spec.executable, ...spec.arguments])).toEqual([
      '--config-dir',
      spec.workingDirectory,
      'serve',
      '--port',
      '8470',
      '--no-open',
    ]);
  });
});
