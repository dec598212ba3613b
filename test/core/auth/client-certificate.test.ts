// The app certificate check before a client-credentials sign-in: each way a PEM can be unusable is its own engine
// text (rendered in the reader's language inside auth.certificate.unreadable), and the evidence holds only what
// the PEM says (a key type, a date), never a sentence.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseClientCertificate } from '../../../src/core/auth/client-certificate.js';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { makeAppCertificate } from '../../sim/oauth/app-certificate.js';

const cert = makeAppCertificate(30);
const keyOf = (pem: string) => pem.slice(0, pem.indexOf('-----BEGIN CERTIFICATE-----'));

function refusal(pem: string, now?: Date): CalpumpError {
  try {
    parseClientCertificate(pem, 'm365', now);
  } catch (e) {
    expect(e).toBeInstanceOf(CalpumpError);
    expect((e as CalpumpError).id).toBe('auth.certificate.unreadable');
    return e as CalpumpError;
  }
  throw new Error('expected a refusal');
}

describe('parseClientCertificate', () => {
  it('reads the key and certificate of a good PEM', () => {
    const parsed = parseClientCertificate(cert.pem, 'm365');
    expect(parsed.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.privateKey).toContain('BEGIN PRIVATE KEY');
    expect(Date.parse(parsed.notAfter)).toBeGreaterThan(Date.now());
  });

  it.each([
    ['no certificate block', () => keyOf(cert.pem), 'problem.certificate.noCertificate'],
    ['no key block', () => cert.certPem, 'problem.certificate.noKey'],
    [
      'an encrypted key',
      () => `-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n${cert.certPem}`,
      'problem.certificate.keyEncrypted',
    ],
    ['the key of another certificate', () => keyOf(makeAppCertificate(30).pem) + cert.certPem, 'problem.certificate.keyMismatch'],
    [
      'a certificate that does not parse',
      () => `${keyOf(cert.pem)}-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n`,
      'problem.certificate.unparsable',
    ],
  ])('refuses %s with its own text', (_, pem, key) => {
    const e = refusal(pem());
    expect(e.params.problem).toEqual({ key });
    expect(e.render('en').message).not.toContain(key);
    expect(e.render('de').message).toMatch(/^Profil m365 braucht/);
  });

  it('names the key type of a non-RSA key, in the text and the evidence', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const e = refusal(ec + cert.certPem);
    expect(e.params.problem).toEqual({ key: 'problem.certificate.keyNotRsa', params: { type: 'ec' } });
    expect(e.evidence).toBe('keyType=ec');
    expect(e.render('en').message).toContain('the key is ec; Entra ID app certificates need RSA');
  });

  it('gives the end date of an expired certificate', () => {
    const later = new Date(Date.now() + 90 * 86_400_000);
    const e = refusal(cert.pem, later);
    const notAfter = parseClientCertificate(cert.pem, 'm365').notAfter;
    expect(e.params.problem).toEqual({ key: 'problem.certificate.expired', params: { date: notAfter } });
    expect(e.evidence).toBe(`notAfter=${notAfter}`);
    expect(e.render('nl').message).toContain(`het certificaat is verlopen op ${notAfter}`);
  });
});
