// An export worker thread: builds the profile's EWS connector once, then exports whole mailboxes as the main
// thread hands them over (read, parse, encode, write — nothing per item crosses back), answering with each
// mailbox's result. Secrets come from the host over the port; logs and server waits go back to it. Its
// organizer cache is its own (in memory; the file cache under cacheDir is shared through the disk as usual).
import { parentPort, workerData } from 'node:worker_threads';
import type { Connector } from '../../connectors/connector.js';
import { createEwsConnector } from '../../connectors/ews/index.js';
import { toCalpumpError } from '../../errors/calpump-error.js';
import { withThrottleObserver, type ServerWait } from '../../net/server-wait.js';
import { exportMailbox } from '../mailbox-export.js';
import type { ExportWorkerData, FromWorker, ToWorker } from './protocol.js';
import { threadCpuMs } from './thread-cpu.js';
import { forwardingLogger, PortSecretStore } from './worker-bridge.js';

const data = workerData as ExportWorkerData;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const secrets = new PortSecretStore(post);
const logger = forwardingLogger(post, data.logRank);
const { settings } = data;
const log = logger.child({ profile: settings.profileName, folder: settings.folder, format: settings.format, dryRun: !!settings.dryRun });
let controller = new AbortController();
let exported = 0;
const profile = data.profile;
if (profile.kind !== 'ews') throw new Error(`export worker kind=${profile.kind}`);
const connector: Promise<Connector> = Promise.resolve().then(() =>
  createEwsConnector(profile, { secrets, logger, env: data.env, fetchTimeoutMs: data.fetchTimeoutMs, cacheDir: data.cacheDir }),
);

/** Every wait this thread meets goes to the host's dispatcher (one function: told once however many mailboxes run). */
const postWait = (wait: ServerWait) => post({ type: 'wait', wait });

async function exportOne(id: number, mailbox: string): Promise<void> {
  const c = await connector;
  const result = await withThrottleObserver(c.serverWaits, { wait: postWait }, () =>
    exportMailbox(settings, c, log, mailbox, () => post({ type: 'released', id }), controller.signal),
  );
  exported++;
  post({ type: 'result', id, result });
}

async function close(): Promise<void> {
  try {
    await (await connector).close();
  } catch (e) {
    logger.debug('connector.closeFailed', { err: e });
  }
  post({ type: 'closed', cpuMs: threadCpuMs(), mailboxes: exported });
  port.close();
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'secret') secrets.answer(m);
  else if (m.type === 'mailbox') void exportOne(m.id, m.mailbox);
  else if (m.type === 'abort') {
    controller.abort();
    controller = new AbortController();
  } else void close();
});

connector.then(
  () => post({ type: 'ready', cpuMs: threadCpuMs() }),
  (e: unknown) => post({ type: 'startFailed', error: toCalpumpError(e).info() }),
);
