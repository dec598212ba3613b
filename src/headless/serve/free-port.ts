// The first port from `port` on (at most `fallback` more) that nothing listens on, found by binding it for a
// moment. Port 0 means "any": the server picks when it listens. None free → serve.portInUse naming the first.
import { createServer } from 'node:net';
import { CalpumpError } from '../../core/errors/calpump-error.js';

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' ? resolve(false) : reject(e)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

export async function freePort(host: string, port: number, fallback = 0): Promise<number> {
  if (port === 0) return 0;
  for (let p = port; p <= Math.min(port + fallback, 65_535); p++) if (await canListen(host, p)) return p;
  throw new CalpumpError('serve.portInUse', { params: { host, port: String(port) } });
}
