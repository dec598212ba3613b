// Output file names: `<mailbox>__<folder>.<ext>`, safe on Windows and Linux. Folder ids from EWS are long
// base64 strings with "/", "+" and "=", so long or unsafe folder ids become a short prefix plus a hash that
// stays the same from run to run (the name must be stable or re-runs would leave orphan files behind).
import { createHash } from 'node:crypto';
import type { ExportFormat } from '../../../shared/job.js';

/** The file extension of each format (vCard files are .vcf). */
export const formatExtension = (format: ExportFormat): string => (format === 'vcard' ? 'vcf' : format);

const UNSAFE = /[^A-Za-z0-9._@+-]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

function clean(s: string): string {
  let out = s.replace(UNSAFE, '_').replace(/^\.+/, '_');
  if (WINDOWS_RESERVED.test(out)) out = `_${out}`;
  return out;
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 10);
}

export function outputFileName(mailbox: string, folder: string, extension: string): string {
  const m = clean(mailbox.trim().toLowerCase()).slice(0, 100);
  const safeFolder = clean(folder);
  const f = safeFolder === folder && folder.length <= 40 ? folder : `${safeFolder.slice(0, 24)}-${shortHash(folder)}`;
  return `${m}__${f}.${extension}`;
}
