// How a catalogue entry looks on a terminal: the title, what it means, the fix, the evidence, and how long the
// fix takes when that matters — rendered from the error's id and params in the terminal's language. With
// --json the ErrorInfo itself is printed (plus the rendered texts).
import type { ErrorInfo } from '../../../shared/errors.js';
import { renderError, type Lang } from '../../../shared/i18n/catalogue.js';
import type { CliMessageKey } from '../messages.js';

export interface ErrorRenderContext {
  lang: Lang;
  t(key: CliMessageKey): string;
}

export function renderErrorInfo(error: ErrorInfo, ctx: ErrorRenderContext, indent = ''): string {
  const info = renderError(error, ctx.lang);
  const lines = [`${indent}✗ ${info.title}`, `${indent}  ${info.message}`, `${indent}  ${ctx.t('fix')}: ${info.fix}`];
  if (info.evidence) lines.push(`${indent}  ${ctx.t('evidence')}: ${info.evidence}`);
  if (info.delay) lines.push(`${indent}  ${ctx.t('delay')}: ${info.delay}`);
  lines.push(`${indent}  [${info.id}]`);
  return `${lines.join('\n')}\n`;
}
