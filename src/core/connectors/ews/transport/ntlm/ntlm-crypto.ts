// The NTLMv2 primitives from MS-NLMP 3.3.2 and 3.4.5: NTOWFv2, HMAC-MD5, and RC4 for the key exchange.
// Node 20's OpenSSL 3 has neither MD4 nor RC4 in its default provider: MD4 comes from js-md4, and RC4 (a
// dozen lines, only used to encrypt one 16-byte session key) is written out here.
import { createHmac } from 'node:crypto';
import md4 from 'js-md4';

export function hmacMd5(key: Buffer, ...data: Buffer[]): Buffer {
  const h = createHmac('md5', key);
  for (const d of data) h.update(d);
  return h.digest();
}

/** NT hash: MD4 of the UTF-16LE password. */
export function ntHash(password: string): Buffer {
  return Buffer.from(md4.arrayBuffer(Buffer.from(password, 'utf16le')));
}

/** NTOWFv2 = HMAC-MD5(NT hash, UNICODE(Uppercase(user) ‖ domain)). */
export function ntowfV2(password: string, user: string, domain: string): Buffer {
  return hmacMd5(ntHash(password), Buffer.from(user.toUpperCase() + domain, 'utf16le'));
}

/** RC4 (the KEY_EXCH step encrypts the random session key with the key-exchange key). */
export function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}
