// Errors, engine texts and test steps rendered from one language's tables, whichever way they were loaded: Node
// hosts pass the tables they import (catalogue.ts, engine-texts.ts, steps.ts), the renderer the one language it
// loaded. No locale JSON is imported here.
import type { ErrorInfo, ErrorParam, TextRef } from '../errors.js';
import type { TestStep } from '../model.js';
import { formatMessage, type MessageParams } from './format.js';

export type Table = Readonly<Record<string, string>>;

/** One language's texts: the UI table, the error catalogue and the engine's texts. */
export interface LocaleTables {
  ui: Table;
  catalogue: Table;
  engine: Table;
}

/** An entry filled in for one reader: what happened, what it means, what to do, why, and how long it takes. */
export interface RenderedError {
  id: string;
  title: string;
  message: string;
  fix: string;
  causes: string[];
  delay?: string;
  evidence?: string;
}

export interface RenderedStep {
  title: string;
  /** What the step found, or why it was skipped. */
  detail?: string;
  error?: RenderedError;
}

const has = (table: Table, key: string) => Object.prototype.hasOwnProperty.call(table, key);

/** An engine text in `lang`; a key this version does not know shows as itself. */
export function engineTextIn(engine: Table, ref: TextRef, lang: string): string {
  return has(engine, ref.key) ? formatMessage(lang, engine[ref.key], paramsIn(engine, ref.params, lang)) : ref.key;
}

/** Parameters as the message formatter takes them: a text reference becomes its text in `lang`. */
export function paramsIn(engine: Table, params: Readonly<Record<string, ErrorParam>> | undefined, lang: string): MessageParams {
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = typeof v === 'object' ? engineTextIn(engine, v, lang) : v;
  return out;
}

/** A stored or received error in `lang`; an id the catalogue does not know renders as internal.unexpected. */
export function renderErrorIn(t: Pick<LocaleTables, 'catalogue' | 'engine'>, info: ErrorInfo, lang: string): RenderedError {
  const known = has(t.catalogue, `${info.id}.title`);
  const id = known ? info.id : 'internal.unexpected';
  const params = paramsIn(t.engine, info.params, lang);
  if (!known) params.text = info.id;
  const fill = (part: string) => formatMessage(lang, t.catalogue[`${id}.${part}`] ?? `${id}.${part}`, params);
  const causes: string[] = [];
  for (let i = 1; has(t.catalogue, `${id}.cause${i}`); i++) causes.push(fill(`cause${i}`));
  return {
    id: info.id,
    title: fill('title'),
    message: fill('meaning'),
    fix: fill('fix'),
    causes,
    ...(has(t.catalogue, `${id}.delay`) ? { delay: fill('delay') } : {}),
    ...(info.evidence ? { evidence: info.evidence } : {}),
  };
}

/** A connection test or doctor step: its title and finding, a skipped step's reason, and its failure. */
export function renderStepIn(
  t: Pick<LocaleTables, 'catalogue' | 'engine'>,
  step: TestStep,
  all: readonly TestStep[],
  lang: string,
): RenderedStep {
  const blocker = step.needs === undefined ? undefined : all.find((s) => s.id === step.needs);
  const detail = step.detail
    ? engineTextIn(t.engine, step.detail, lang)
    : step.needs !== undefined
      ? engineTextIn(
          t.engine,
          { key: 'step.skipped', params: { step: blocker ? engineTextIn(t.engine, blocker.title, lang) : step.needs } },
          lang,
        )
      : undefined;
  return {
    title: engineTextIn(t.engine, step.title, lang),
    ...(detail !== undefined ? { detail } : {}),
    ...(step.error ? { error: renderErrorIn(t, step.error, lang) } : {}),
  };
}
