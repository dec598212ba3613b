// fs.list, app.openPath, feeds.info: the host's files for the pickers (a CA file, an export folder, an SQLite
// file), opening a folder in the desktop app, and the feed address. Listing is bounded and never follows the
// request anywhere but the named folder.
import { readdir, stat } from 'node:fs/promises';
import { homedir, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CalpumpError } from '../../errors/calpump-error.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import { notAvailable } from '../connector-pool.js';
import type { HandlerTable } from '../handler-types.js';

const MAX_ENTRIES = 2000;

async function roots(): Promise<string[]> {
  if (platform() !== 'win32') return [homedir(), '/'];
  const drives: string[] = [];
  for (const letter of 'CDEFGHIJKLMNOPQRSTUVWXYZ') {
    const d = `${letter}:\\`;
    if (
      await stat(d).then(
        () => true,
        () => false,
      )
    )
      drives.push(d);
  }
  return [homedir(), ...drives];
}

export const hostFileHandlers: Pick<HandlerTable, 'fs.list' | 'app.openPath' | 'feeds.info'> = {
  async 'fs.list'({ path, extensions }) {
    const dir = resolve(path?.trim() || homedir());
    let names: import('node:fs').Dirent[];
    try {
      names = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      const problem =
        code === 'ENOENT'
          ? text('problem.folder.missing')
          : code === 'ENOTDIR'
            ? text('problem.folder.notFolder')
            : code === 'EACCES' || code === 'EPERM'
              ? text('problem.folder.denied')
              : code;
      throw new CalpumpError('fs.unreadable', { params: { path: dir, problem } });
    }
    const wanted = (extensions ?? []).map((x) => `.${x.replace(/^\./, '').toLowerCase()}`);
    const entries = names
      .filter((d) => !d.name.startsWith('.') && (d.isDirectory() || (d.isFile() && wanted.some((x) => d.name.toLowerCase().endsWith(x)))))
      .sort((a, b) => Number(b.isDirectory()) - Number(a.isDirectory()) || a.name.localeCompare(b.name));
    const shown = entries.slice(0, MAX_ENTRIES);
    const out = await Promise.all(
      shown.map(async (d) => {
        const p = join(dir, d.name);
        if (d.isDirectory()) return { name: d.name, path: p, kind: 'dir' as const };
        const size = await stat(p).then(
          (st) => st.size,
          () => undefined,
        );
        return { name: d.name, path: p, kind: 'file' as const, ...(size === undefined ? {} : { size }) };
      }),
    );
    const parent = dirname(dir);
    return {
      path: dir,
      ...(parent !== dir ? { parent } : {}),
      roots: await roots(),
      entries: out,
      truncated: entries.length > shown.length,
    };
  },
  async 'app.openPath'({ path }, { services }) {
    if (!services.openPath) throw notAvailable('feature.openPath');
    await services.openPath(path);
    return { opened: true };
  },
  'feeds.info'(_input, { services }) {
    const f = services.feeds?.();
    return f ? { baseUrl: f.baseUrl, token: f.token } : {};
  },
};
