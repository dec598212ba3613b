// PAC files (proxy auto-config): fetched from http(s):// or a file, run with pac-resolver (the PAC functions
// isInNet, dnsDomainIs, shExpMatch… as browsers define them) inside a QuickJS WebAssembly sandbox
// (quickjs-wasi): a PAC file is code from the network and gets no Node, no file system and no network of its
// own — only the DNS look-ups the PAC functions make. Bounded: 1 MB of script, 32 MB of sandbox memory, and a
// time limit per answer (an endless loop is interrupted, not waited for).
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';

const MAX_PAC_BYTES = 1_000_000;
const FETCH_TIMEOUT_MS = 15_000;
const ANSWER_TIMEOUT_MS = 10_000;
const SANDBOX_MEMORY = 32 * 1024 * 1024;
/** How long a fetched PAC file is used before it is fetched again (browsers refresh on network changes). */
const PAC_TTL_MS = 5 * 60_000;
/** A PAC file that failed to load is not asked for again for this long. */
const FAILURE_TTL_MS = 30_000;

export type PacEntry = { kind: 'direct' } | { kind: 'proxy'; url: URL } | { kind: 'unsupported'; text: string };

/** "PROXY a:3128; HTTPS b:443; SOCKS c:1080; DIRECT" → entries in order (SOCKS is not supported by Calpump). */
export function parsePacResult(result: string): PacEntry[] {
  const out: PacEntry[] = [];
  for (const part of result.split(';')) {
    const [word = '', where = ''] = part.trim().split(/\s+/);
    const kind = word.toUpperCase();
    if (!kind) continue;
    if (kind === 'DIRECT') out.push({ kind: 'direct' });
    else if ((kind === 'PROXY' || kind === 'HTTP' || kind === 'HTTPS') && where) {
      try {
        out.push({ kind: 'proxy', url: new URL(`${kind === 'HTTPS' ? 'https' : 'http'}://${where}`) });
      } catch {
        out.push({ kind: 'unsupported', text: part.trim() });
      }
    } else out.push({ kind: 'unsupported', text: part.trim() });
  }
  return out;
}

export interface PacScript {
  /** Where the script came from (shown by the doctor). */
  readonly location: string;
  /** FindProxyForURL(url, host) for this URL: the PAC answer as written, e.g. "PROXY p:3128; DIRECT". */
  findProxy(url: URL): Promise<string>;
}

const pacError = (
  location: string,
  reason: string | TextRef,
  evidence = typeof reason === 'string' ? reason : undefined,
  cause?: unknown,
) => new CalpumpError('net.proxy.pac', { params: { pac: location, reason }, ...(evidence !== undefined ? { evidence } : {}), cause });

const tooLarge = (location: string, evidence: string) =>
  pacError(location, text('problem.pac.tooLarge', { limit: MAX_PAC_BYTES }), `${evidence} limit=${MAX_PAC_BYTES}`);

/** The host-side limit on one answer (DNS look-ups inside the script wait outside the sandbox) ran out. */
class PacTimeout extends Error {}

let wasm: Promise<WebAssembly.Module> | undefined;
function quickJsModule(): Promise<WebAssembly.Module> {
  wasm ??= readFile(createRequire(import.meta.url).resolve('quickjs-wasi/quickjs.wasm')).then((b) => WebAssembly.compile(b));
  return wasm;
}

/** Compiles a PAC script into a sandbox of its own. */
export async function compilePac(source: string, location: string, answerTimeoutMs = ANSWER_TIMEOUT_MS): Promise<PacScript> {
  const [{ QuickJS }, { createPacResolver }] = await Promise.all([import('quickjs-wasi'), import('pac-resolver')]);
  let deadline = Number.POSITIVE_INFINITY;
  const vm = await QuickJS.create({
    wasm: await quickJsModule(),
    memoryLimit: SANDBOX_MEMORY,
    interruptHandler: () => Date.now() > deadline,
  });
  let find: (url: string, host?: string) => Promise<string>;
  deadline = Date.now() + answerTimeoutMs;
  try {
    find = createPacResolver(vm, source, { filename: location });
  } catch (e) {
    vm.dispose();
    const detail = String((e as Error).message ?? e);
    throw pacError(location, text('problem.pac.scriptFails', { detail }), detail, e);
  } finally {
    deadline = Number.POSITIVE_INFINITY;
  }
  // One answer at a time: the sandbox is single-threaded and its time limit is per answer.
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async (url: URL): Promise<string> => {
    deadline = Date.now() + answerTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    // DNS look-ups inside the script wait outside the sandbox: the same limit, on the host's clock.
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PacTimeout()), answerTimeoutMs);
    });
    try {
      const result = await Promise.race([find(url.href, url.hostname.replace(/^\[|\]$/g, '')), late]);
      if (typeof result !== 'string')
        throw pacError(location, text('problem.pac.notString', { type: typeof result }), `FindProxyForURL → ${typeof result}`);
      return result;
    } catch (e) {
      if (e instanceof CalpumpError) throw e;
      const msg = (e as Error).message ?? String(e);
      if (e instanceof PacTimeout || /interrupted/i.test(msg))
        throw pacError(location, text('problem.pac.tooSlow', { seconds: answerTimeoutMs / 1000 }), `timeoutMs=${answerTimeoutMs}`, e);
      // The script's own error (a ReferenceError, a throw in the script): the interpreter's words, a fact.
      throw pacError(location, msg, undefined, e);
    } finally {
      clearTimeout(timer);
      deadline = Number.POSITIVE_INFINITY;
    }
  };
  return {
    location,
    findProxy(url) {
      const next = queue.then(() => answer(url));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** The text of a PAC file: http(s):// (fetched directly, as Windows does), file:// or a local path. */
export async function fetchPacSource(location: string, timeoutMs = FETCH_TIMEOUT_MS): Promise<string> {
  let url: URL | undefined;
  try {
    url = new URL(location);
  } catch {
    url = undefined; // a plain path (C:\proxy\proxy.pac)
  }
  if (!url || url.protocol === 'file:' || /^[a-z]:$/i.test(url.protocol)) {
    const path = url?.protocol === 'file:' ? fileURLToPath(url) : location;
    try {
      const size = (await stat(path)).size;
      if (size > MAX_PAC_BYTES) throw tooLarge(location, `size=${size}`);
      return await readFile(path, 'utf8');
    } catch (e) {
      if (e instanceof CalpumpError) throw e;
      throw pacError(location, (e as NodeJS.ErrnoException).code ?? (e as Error).message, undefined, e);
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw pacError(location, text('problem.pac.scheme', { scheme: url.protocol }), url.protocol);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    return await boundedText(res, MAX_PAC_BYTES, location);
  } catch (e) {
    if (e instanceof CalpumpError) throw e;
    const cause = (e as { cause?: NodeJS.ErrnoException }).cause;
    if ((e as Error).name === 'TimeoutError')
      throw pacError(location, text('problem.pac.noAnswer', { seconds: timeoutMs / 1000 }), `timeoutMs=${timeoutMs}`, e);
    throw pacError(location, cause?.code ?? (e as Error).message, undefined, e);
  }
}

async function boundedText(res: Response, limit: number, location: string): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(location, `read>${limit}`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Cached = { at: number; script: Promise<PacScript>; failed?: boolean };

/** Fetched and compiled PAC scripts by location, shared by every profile of this process. */
export class PacCache {
  private readonly entries = new Map<string, Cached>();

  constructor(
    private readonly load: (location: string) => Promise<string> = fetchPacSource,
    private readonly now: () => number = Date.now,
  ) {}

  get(location: string): Promise<PacScript> {
    const hit = this.entries.get(location);
    if (hit && this.now() - hit.at < (hit.failed ? FAILURE_TTL_MS : PAC_TTL_MS)) return hit.script;
    const entry: Cached = { at: this.now(), script: this.load(location).then((src) => compilePac(src, location)) };
    entry.script.catch(() => (entry.failed = true));
    this.entries.set(location, entry);
    return entry.script;
  }
}

export const sharedPacCache = new PacCache();
