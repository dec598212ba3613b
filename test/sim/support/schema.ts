// Validates the element inside soap:Body against Microsoft's EWS schema (messages.xsd + types.xsd), so
// simulator responses cannot drift from what a real Exchange may send. Schema copy: test/fixtures/sim/ews-schema.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const SCHEMA = fileURLToPath(new URL('../../fixtures/sim/ews-schema/ews-validate.xsd', import.meta.url));

export function validateBody(envelopeXml: string): { ok: boolean; errors: string } {
  const doc = new DOMParser().parseFromString(envelopeXml, 'text/xml');
  const body = doc.getElementsByTagNameNS('http://schemas.xmlsoap.org/soap/envelope/', 'Body')[0];
  let el: Element | undefined;
  for (let n = body?.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) el = el ?? (n as Element);
  if (!el) return { ok: false, errors: 'no body element' };
  const dir = mkdtempSync(join(tmpdir(), 'sim-xsd-'));
  try {
    const file = join(dir, 'body.xml');
    writeFileSync(file, new XMLSerializer().serializeToString(el));
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { stdio: 'pipe' });
    return { ok: true, errors: '' };
  } catch (e) {
    return { ok: false, errors: String((e as { stderr?: Buffer }).stderr ?? e) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
