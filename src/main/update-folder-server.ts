// electron-updater downloads only over http(s); an update folder on a file share is handed to it through this
// small read-only server on 127.0.0.1. It serves the plain files directly in that one folder (latest.yml, the
// installer, its blockmap) under a random path, GET and HEAD only: no listing, no subfolders, no dot segments.
// The installer's SHA-512 (from latest.yml) and its Authenticode signature are still checked by electron-updater.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FolderFeed {
  /** http://127.0.0.1:<port>/<random>/ — the base URL for electron-updater's generic provider. */
  url: string;
  close(): Promise<void>;
}

/** A file name that is safe to look up in the folder: no separators, no leading dot, printable. */
export function isFeedFileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9 ._+-]{0,200}$/.test(name) && !name.includes('..');
}

export async function serveUpdateFolder(folder: string): Promise<FolderFeed> {
  const prefix = `/${randomBytes(16).toString('hex')}/`;
  const server: Server = createServer((req, res) => {
    const send = (status: number) => {
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end();
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405);
    const path = (req.url ?? '').split('?')[0];
    if (!path.startsWith(prefix)) return send(404);
    let name: string;
    try {
      name = decodeURIComponent(path.slice(prefix.length));
    } catch {
      return send(404);
    }
    if (!isFeedFileName(name)) return send(404);
    const file = join(folder, name);
    stat(file).then(
      (s) => {
        if (!s.isFile()) return send(404);
        res.writeHead(200, { 'Content-Length': String(s.size), 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
        if (req.method === 'HEAD') return res.end();
        const stream = createReadStream(file);
        stream.on('error', () => res.destroy());
        stream.pipe(res);
      },
      () => send(404),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
