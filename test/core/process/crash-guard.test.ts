// A host with the crash guard survives a rejected promise nobody awaited and an exception thrown from a
// callback: each is an internal.unexpected error record in the log, and the process goes on.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { installCrashGuard, UNEXPECTED_EVENT } from '../../../src/core/process/crash-guard.js';
import { recordingLogger } from '../net/fakes.js';

describe('installCrashGuard', () => {
  it('logs each stray failure as a catalogue error and tells the console; uninstall stops listening', () => {
    const proc = new EventEmitter();
    const logger = recordingLogger();
    const said: string[] = [];
    const guard = installCrashGuard({ logger, say: (l) => said.push(l), proc: proc as unknown as NodeJS.Process });
    proc.emit('unhandledRejection', new TypeError('cannot read properties of undefined'));
    proc.emit('uncaughtException', new CalpumpError('net.reset', { params: { host: 'mail', reason: 'aborted' } }));
    expect(guard.caught).toBe(2);
    expect(logger.records.map((r) => [r.level, r.event, r.fields.errorId, r.fields.kind])).toEqual([
      ['error', UNEXPECTED_EVENT, 'internal.unexpected', 'unhandledRejection'],
      ['error', UNEXPECTED_EVENT, 'net.reset', 'uncaughtException'],
    ]);
    expect(said[0]).toContain('cannot read properties of undefined');
    expect(said[0]).not.toContain('{text}');
    guard.uninstall();
    expect(proc.listenerCount('unhandledRejection') + proc.listenerCount('uncaughtException')).toBe(0);
  });

  it('in a real Node process: a stray rejection and a thrown callback do not end it', async () => {
    const script = `
      import { installCrashGuard } from ${JSON.stringify(new URL('../../../src/core/process/crash-guard.ts', import.meta.url).pathname)};
      const lines = [];
      const logger = { error: (e, f) => lines.push(e + ' ' + f.errorId), warn() {}, info() {}, debug() {}, trace() {}, child() { return logger; } };
      installCrashGuard({ logger });
      Promise.reject(new Error('nobody awaits me'));
      setTimeout(() => { throw new Error('thrown from a timer'); }, 10);
      setTimeout(() => { console.log(JSON.stringify(lines)); console.log('still alive'); }, 200);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const code = await new Promise((r) => child.on('close', r));
    expect(out).toContain('still alive');
    expect(out).toContain(`${UNEXPECTED_EVENT} internal.unexpected`);
    expect(JSON.parse(out.split('\n')[0])).toHaveLength(2);
    expect(code).toBe(0);
  });
});
