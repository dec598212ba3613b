// `npm run demo`: starts the Exchange simulator on 127.0.0.1, makes a throw-away config folder (or uses
// --config-dir), and prints the calpump commands to try in another terminal. Runs until Ctrl+C.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoCommands } from '../src/headless/cli/demo-commands.js';
import { startSimulator } from '../src/sim/index.js';

const { values } = parseArgs({
  options: {
    'config-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    seed: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0 = any free port), got "${values.port}"`);
  process.exit(2);
}
const ownDir = !values['config-dir'];
const configDir = values['config-dir'] ? resolve(values['config-dir']) : await mkdtemp(join(tmpdir(), 'calpump-demo-'));
const sim = await startSimulator({ port, seed: values.seed ? Number(values.seed) : undefined });

const out: string[] = [
  '',
  `Calpump demo — a simulated Exchange server is running at ${sim.url}`,
  `  EWS:          ${sim.ewsUrl}`,
  ...(sim.caFile ? [`  CA to trust:  ${sim.caFile}`] : []),
  `  Config dir:   ${configDir}${ownDir ? ' (throw-away, removed on exit)' : ''}`,
  '',
  'Try these in another terminal (in this folder):',
  '',
];
demoCommands({ configDir, ewsUrl: sim.ewsUrl, caFile: sim.caFile }).forEach((c, i) => {
  out.push(`# ${i + 1}. ${c.title}`, c.line, '');
});
out.push("Windows cmd.exe: write the first line as  echo Passw0rd!| npx calpump ...  (no quotes, no space before |).", '', 'Press Ctrl+C to stop.', '');
process.stdout.write(out.join('\n'));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await sim.stop().catch(() => undefined);
  if (ownDir) await rm(configDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
