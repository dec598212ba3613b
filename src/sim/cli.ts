// `calpump sim`: start the simulator in the foreground, print how to connect, stop on Ctrl+C.
import { startSimulator } from './server.js';
import { DEFAULT_PASSWORD } from './world/directory.js';
import { waitForStop } from '../core/process/wait-for-stop.js';

export interface SimCommandOptions {
  port?: number;
  host?: string;
  mailboxes?: number;
  eventsPerMailbox?: number;
  seed?: number;
  latencyMs?: number;
  faultRate?: number;
  tls?: boolean;
}

interface Out {
  write(chunk: string): unknown;
}

export async function runSimCommand(opts: SimCommandOptions, io: { stdout: Out; stderr: Out; signal?: AbortSignal }): Promise<number> {
  let sim;
  try {
    sim = await startSimulator({
      port: opts.port ?? 0,
      host: opts.host,
      seed: opts.seed,
      mailboxes: opts.mailboxes,
      eventsPerMailbox: opts.eventsPerMailbox,
      latencyMs: opts.latencyMs,
      faultRate: opts.faultRate,
      tls: opts.tls,
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE' ? `port ${opts.port} is already in use; pick another with --port or use --port 0` : (e as Error).message;
    io.stderr.write(`calpump sim: could not start the simulator: ${why}\n`);
    return 1;
  }
  const w = sim.world;
  const lines = [
    `Exchange simulator running (seed ${w.seed}, ${w.mailboxes.size} mailboxes, ${w.events.size} calendar items, anchor week ${w.anchor}).`,
    `  EWS:           ${sim.ewsUrl}`,
    `  Autodiscover:  ${sim.autodiscoverUrl}`,
    `  Graph:         ${sim.url}/v1.0/`,
    sim.caFile ? `  CA file:       ${sim.caFile}  (trust it in the profile: tls.caFile)` : '  TLS:           off (plain HTTP)',
    sim.certSha256 ? `  Cert SHA-256:  ${sim.certSha256}` : '',
    '',
    'Accounts (password for all: ' + DEFAULT_PASSWORD + '):',
    '  svc-calpump@contoso.com  (CONTOSO\\svc-calpump)   ApplicationImpersonation on every mailbox except carol.evans@contoso.com',
    '  svc-delegate@contoso.com (CONTOSO\\svc-delegate)  no impersonation; Reviewer on alice.smith, anna.schmidt, room.amsterdam calendars; Editor on bob.jones',
    '  users: alice.smith (en, Calendar), anna.schmidt (de, Kalender), jan.devries (nl, Agenda), bob.jones (UPN b.jones@corp.contoso.local), carol.evans',
    '  rooms: room.amsterdam, room.amsterdam.small, room.berlin (room lists roomlist.amsterdam / roomlist.berlin); equipment: beamer.amsterdam',
    '',
    `Try: calpump profiles add --name sim --kind ews --url ${sim.ewsUrl} --username svc-calpump@contoso.com --test-mailbox alice.smith@contoso.com${sim.caFile ? ` --ca-file ${sim.caFile}` : ''} --password-stdin`,
    'Press Ctrl+C to stop.',
  ];
  io.stdout.write(lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n') + '\n');
  await waitForStop(io.signal);
  await sim.stop();
  io.stdout.write('Simulator stopped.\n');
  return 0;
}
