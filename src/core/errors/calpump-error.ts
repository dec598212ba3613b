// Errors are values with a catalogue id (CONVENTIONS.md #5). Connectors throw CalpumpError; the CLI, the UI and
// the logs render the same catalogue entry from its id and params (shared/i18n/catalogue.ts), each in its
// reader's language. Evidence must never carry a secret: callers pass server answers, status codes and host
// names, and the logger redacts again on the way out.
import type { ErrorInfo, ErrorParam } from '../../shared/errors.js';
import { catalogue, renderError, type CatalogueId, type Lang, type RenderedError } from '../../shared/i18n/catalogue.js';

export type ErrorParams = Record<string, ErrorParam>;

export class CalpumpError extends Error {
  readonly id: CatalogueId;
  readonly evidence?: string;
  /** Values for the entry's {placeholders}, e.g. {mailbox}; a problem description is a text reference. */
  readonly params: ErrorParams;

  constructor(id: CatalogueId, opts: { evidence?: string; params?: ErrorParams; cause?: unknown } = {}) {
    super(catalogue[id].title.en, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'CalpumpError';
    this.id = id;
    this.evidence = opts.evidence;
    this.params = opts.params ?? {};
  }

  /** What travels and is stored: the id, the params and the evidence — no words. */
  info(): ErrorInfo {
    return { id: this.id, params: this.params, ...(this.evidence !== undefined ? { evidence: this.evidence } : {}) };
  }

  /** The entry in one language (for a host's own output: a log line, a page, a console). */
  render(lang: Lang = 'en'): RenderedError {
    return renderError(this.info(), lang);
  }
}

export function isCalpumpError(e: unknown): e is CalpumpError {
  return e instanceof CalpumpError;
}

/** Wraps anything thrown into a CalpumpError so no bare error crosses a layer. */
export function toCalpumpError(e: unknown, fallback: CatalogueId = 'internal.unexpected'): CalpumpError {
  if (e instanceof CalpumpError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new CalpumpError(fallback, { evidence: msg, params: fallback === 'internal.unexpected' ? { text: msg } : {}, cause: e });
}
