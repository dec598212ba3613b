// A webhook receiver on loopback for pump tests: checks the signature, records every delivery, deduplicates by
// Idempotency-Key the way a real receiver must, and applies the batches to its own copy of each folder.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  key: string;
  signatureOk: boolean;
  body: {
    mailbox: string;
    folder: string;
    sequence: number;
    batch: number;
    batches: number;
    reset: boolean;
    deletes: string[];
    /** Events carry their eventKey; contacts and tasks their id. */
    upserts: Array<{ eventKey?: string; id?: string } & Record<string, unknown>>;
  };
  raw: string;
}

export interface WebhookReceiver {
  url: string;
  deliveries: Delivery[];
  /** Unique deliveries by key, in first-arrival order. */
  unique(): Delivery[];
  /** mailbox/folder → eventKey (contacts, tasks: id) → event or item, after applying unique deliveries in order. */
  state(): Map<string, Map<string, Record<string, unknown>>>;
  /** Answers the next requests with these statuses before accepting again. */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = [];
  const queued: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = queued.shift();
      if (status) {
        res.writeHead(status, status === 429 ? { 'retry-after': '0' } : {}).end();
        return;
      }
      const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
      deliveries.push({
        key: String(req.headers['idempotency-key']),
        signatureOk: req.headers['x-calpump-signature'] === expected,
        body: JSON.parse(raw) as Delivery['body'],
        raw,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const unique = () => {
    const seen = new Set<string>();
    return deliveries.filter((d) => (seen.has(d.key) ? false : (seen.add(d.key), true)));
  };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    unique,
    state() {
      const folders = new Map<string, Map<string, Record<string, unknown>>>();
      for (const d of unique()) {
        const id = `${d.body.mailbox}/${d.body.folder}`;
        if (d.body.reset || !folders.has(id))
          folders.set(
            id,
            d.body.reset ? new Map<string, Record<string, unknown>>() : (folders.get(id) ?? new Map<string, Record<string, unknown>>()),
          );
        const f = folders.get(id)!;
        for (const k of d.body.deletes) f.delete(k);
        for (const u of d.body.upserts) f.set(String(u.eventKey ?? u.id), u);
      }
      return folders;
    },
    failNext: (...statuses) => queued.push(...statuses),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
