// The loopback server that hands an update folder on a share to electron-updater: the folder's plain files, under
// a random path, read-only; nothing else on the machine.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFeedFileName, serveUpdateFolder, type FolderFeed } from '../../src/main/update-folder-server.js';

let root: string;
let feed: FolderFeed;
const installer = Buffer.from('MZ' + 'x'.repeat(100_000));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'calpump-feed-'));
  await mkdir(join(root, 'share', 'sub'), { recursive: true });
  await writeFile(join(root, 'share', 'latest.yml'), 'version: 1.2.4\npath: Calpump-Setup-1.2.4.exe\n');
  await writeFile(join(root, 'share', 'Calpump-Setup-1.2.4.exe'), installer);
  await writeFile(join(root, 'share', 'sub', 'other.yml'), 'nested');
  await writeFile(join(root, 'secret.txt'), 'outside the feed');
  feed = await serveUpdateFolder(join(root, 'share'));
});
afterAll(async () => {
  await feed.close();
  await rm(root, { recursive: true, force: true });
});

/** A raw request, so paths reach the server exactly as written (fetch would normalise dot segments). */
function raw(path: string, method = 'GET'): Promise<{ status: number; body: Buffer }> {
  const u = new URL(feed.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('update folder server', () => {
  it('listens on loopback under a random path and serves the feed files', async () => {
    expect(feed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/);
    const yml = await fetch(new URL('latest.yml', feed.url));
    expect(yml.status).toBe(200);
    expect(await yml.text()).toContain('version: 1.2.4');
    const exe = await fetch(new URL('Calpump-Setup-1.2.4.exe', feed.url));
    expect(Buffer.from(await exe.arrayBuffer()).equals(installer)).toBe(true);
    const head = await fetch(new URL('Calpump-Setup-1.2.4.exe', feed.url), { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(installer.length));
  });

  it.each([
    ['another path prefix', '/latest.yml'],
    ['a guessed prefix', '/00000000000000000000000000000000/latest.yml'],
    ['the folder itself (no listing)', ''],
    ['a subfolder', 'sub/other.yml'],
    ['an encoded subfolder', 'sub%2Fother.yml'],
    ['a parent folder', '../secret.txt'],
    ['an encoded parent folder', '..%2Fsecret.txt'],
    ['an encoded backslash', '..%5Csecret.txt'],
    ['broken encoding', '%E0%A4%A'],
    ['a missing file', 'Calpump-Setup-9.9.9.exe'],
  ])('answers 404 for %s', async (_what, path) => {
    const prefix = new URL(feed.url).pathname;
    const r = await raw(path.startsWith('/') ? path : `${prefix}${path}`);
    expect(r.status).toBe(404);
    expect(r.body.toString()).not.toContain('outside the feed');
  });

  it('refuses to write', async () => {
    expect((await raw(`${new URL(feed.url).pathname}latest.yml`, 'PUT')).status).toBe(405);
    expect((await raw(`${new URL(feed.url).pathname}latest.yml`, 'DELETE')).status).toBe(405);
  });

  it('accepts only plain file names', () => {
    for (const ok of ['latest.yml', 'Calpump-Setup-1.2.4.exe', 'Calpump Setup 1.2.4.exe.blockmap'])
      expect(isFeedFileName(ok), ok).toBe(true);
    for (const bad of ['', '.hidden', '..', 'a/b', 'a\\b', 'x..y', 'C:evil', 'a\0b']) expect(isFeedFileName(bad), bad).toBe(false);
  });

  it('stops listening when closed', async () => {
    const other = await serveUpdateFolder(join(root, 'share'));
    await other.close();
    await expect(fetch(new URL('latest.yml', other.url))).rejects.toThrow();
  });
});
