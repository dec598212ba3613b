// How a catalogue entry looks on a terminal: the title, what it means, the fix, the evidence, and how long the
// fix takes when that matters. The same ErrorInfo is printed as JSON with --json.
import type { ErrorInfo } from '../../../shared/errors.js';
import type { CliMessageKey } from '../messages.js';

export function renderErrorInfo(info: ErrorInfo, t: (key: CliMessageKey) => string, indent = ''): string {
  const lines = [`${indent}✗ ${info.title}`, `${indent}  ${info.message}`, `${indent}  ${t('fix')}: ${info.fix}`];
  if (info.evidence) lines.push(`${indent}  ${t('evidence')}: ${info.evidence}`);
  if (info.delay) lines.push(`${indent}  ${t('delay')}: ${info.delay}`);
  lines.push(`${indent}  [${info.id}]`);
  return `${lines.join('\n')}\n`;
}
