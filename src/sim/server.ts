// The simulator's HTTP(S) server: reads the body, applies latency, and hands the request to the first
// matching route (EWS, Autodiscover, OWA login page, then the Graph helper's Graph and OAuth routes).
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { RunningSimulator, SimOptions } from './types.js';
import type { SimContext, SimRoute } from './http/types.js';
import { createWorld } from './world/create-world.js';
import { folderOf } from './world/world.js';
import { createCounters } from './counters.js';
import { createFaults } from './faults.js';
import { simCertificates } from './tls/certs.js';
import { expectedChannelBinding } from './auth/extended-protection.js';
import { ewsRoute } from './ews/route.js';
import { createAnswerCache } from './ews/answer-cache.js';
import { autodiscoverRoutes } from './autodiscover/index.js';
import { owaRoute } from './http/owa.js';
import { graphRoutes } from './graph/index.js';
import { oauthRoutes } from './oauth/index.js';
import { simTenant } from './oauth/tenant.js';
import { IIS_500, send } from './http/respond.js';

const MAX_BODY = 20 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const NOT_FOUND =
  '<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2>' +
  '<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3></body></html>';

/** The simulator's EWS under the name on-premises OAuth uses: https://localhost:<port> (on its certificate). */
export function onPremOrigin(port: number): string {
  return `https://localhost:${port}`;
}

export async function startSimulator(opts: SimOptions = {}): Promise<RunningSimulator> {
  const world =
    opts.world ?? createWorld({ seed: opts.seed, mailboxes: opts.mailboxes, eventsPerMailbox: opts.eventsPerMailbox, anchor: opts.anchor });
  const counters = createCounters((mb, f) => folderOf(world, mb, f)?.id ?? f);
  const faults = createFaults({ latencyMs: opts.latencyMs, faultRate: opts.faultRate, seed: world.seed });
  if (opts.authSchemes) faults.authSchemes = [...opts.authSchemes];
  if (opts.extendedProtection) faults.extendedProtection = opts.extendedProtection;
  if (opts.trustedUserHeader) faults.trustedUserHeader = opts.trustedUserHeader;
  let channelBinding: Buffer | undefined;
  const answers = opts.answerCacheMb ? createAnswerCache(opts.answerCacheMb * 2 ** 20) : undefined;
  const routes: SimRoute[] = [ewsRoute, ...autodiscoverRoutes, owaRoute, ...graphRoutes, ...oauthRoutes];
  const useTls = opts.tls !== false;
  const host = opts.host ?? '127.0.0.1';
  let baseUrl = '';

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    counters.total += 1;
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', baseUrl);
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      const ctx: SimContext = { world, counters, faults, req, res, body, url, baseUrl, channelBinding, answers };
      const route = routes.find((r) => r.match(req, url));
      if (!route) return send(res, 404, NOT_FOUND, { 'Content-Type': 'text/html' });
      await route.handle(ctx);
    } catch (e) {
      if (!res.headersSent && !res.destroyed) send(res, 500, IIS_500, { 'Content-Type': 'text/html' });
      if (process.env.CALPUMP_SIM_DEBUG) console.error('sim: unhandled', e);
    }
  };

  let caFile: string | undefined;
  let certSha256: string | undefined;
  const server = useTls
    ? await (async () => {
        const certs = await simCertificates(opts.tlsMode ?? 'trusted');
        caFile = certs.caFile;
        certSha256 = new X509Certificate(certs.cert).fingerprint256;
        channelBinding = await expectedChannelBinding(certs.cert);
        return createHttpsServer({ key: certs.key, cert: certs.cert }, (req, res) => void handler(req, res));
      })()
    : createHttpServer((req, res) => void handler(req, res));

  // IIS keeps idle connections for 120 s (connectionTimeout); Node's 5 s default closes pooled connections under
  // clients that pause between requests (exchangelib's threads), which a real Exchange would not.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  baseUrl = `${useTls ? 'https' : 'http'}://${urlHost}:${port}`;
  // Hybrid modern auth as the Hybrid Configuration Wizard leaves it: the on-premises URL (this server under its
  // other name, so its tokens differ from the Graph ones for baseUrl) is a name of the Exchange service principal.
  if (useTls) simTenant(world).exchangeOnPremUrls.add(onPremOrigin(port));
  return {
    url: baseUrl,
    ewsUrl: `${baseUrl}/EWS/Exchange.asmx`,
    onPremEwsUrl: useTls ? `${onPremOrigin(port)}/EWS/Exchange.asmx` : undefined,
    autodiscoverUrl: `${baseUrl}/autodiscover/autodiscover.xml`,
    port,
    caFile,
    certSha256,
    world,
    counters,
    faults,
    answerCache: answers ? () => answers.stats() : undefined,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
