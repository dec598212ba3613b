// Errors are values with a catalogue id (CONVENTIONS.md #5). Connectors throw CalpumpError; the CLI, the UI and
// the logs render the same catalogue entry. Evidence must never carry a secret: callers pass server answers,
// status codes and host names, and the logger redacts again on the way out.
import type { ErrorInfo } from '../../shared/errors.js';
import { catalogue, type CatalogueEntry, type CatalogueId, type Lang } from '../doctor/catalogue.js';

export class CalpumpError extends Error {
  readonly id: CatalogueId;
  readonly evidence?: string;
  /** Values substituted into the entry's {placeholders}, e.g. {mailbox}. */
  readonly params: Record<string, string>;

  constructor(id: CatalogueId, opts: { evidence?: string; params?: Record<string, string>; cause?: unknown } = {}) {
    super(catalogue[id].title.en, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'CalpumpError';
    this.id = id;
    this.evidence = opts.evidence;
    this.params = opts.params ?? {};
  }

  info(lang: Lang = 'en'): ErrorInfo {
    return describeError(this.id, lang, this.params, this.evidence);
  }
}

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? params[k] : m));
}

export function describeError(id: CatalogueId, lang: Lang, params: Record<string, string> = {}, evidence?: string): ErrorInfo {
  const e: CatalogueEntry = catalogue[id];
  return {
    id,
    title: fill(e.title[lang], params),
    message: fill(e.meaning[lang], params),
    fix: fill(e.fix[lang], params),
    evidence,
    delay: e.delay ? e.delay[lang] : undefined,
  };
}

export function isCalpumpError(e: unknown): e is CalpumpError {
  return e instanceof CalpumpError;
}

/** Wraps anything thrown into a CalpumpError so no bare error crosses a layer. */
export function toCalpumpError(e: unknown, fallback: CatalogueId = 'internal.unexpected'): CalpumpError {
  if (e instanceof CalpumpError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  // internal.unexpected shows {text}: fill it, so no raw placeholder reaches a terminal or a report.
  return new CalpumpError(fallback, { params: { text: msg }, evidence: msg, cause: e });
}
