// MD4 (RFC 1320). Node 20's OpenSSL 3 drops md4 from the default provider, but the NT hash needs it.
import { createHash } from 'node:crypto';

function md4Js(input: Buffer): Buffer {
  const len = input.length;
  const blocks = ((len + 8) >>> 6) + 1;
  const msg = Buffer.alloc(blocks * 64);
  input.copy(msg);
  msg[len] = 0x80;
  msg.writeUInt32LE((len * 8) >>> 0, blocks * 64 - 8);
  msg.writeUInt32LE(Math.floor(len / 0x20000000), blocks * 64 - 4);
  let a = 0x67452301;
  let b = 0xefcdab89;
  let c = 0x98badcfe;
  let d = 0x10325476;
  const rotl = (x: number, s: number) => (x << s) | (x >>> (32 - s));
  const F = (x: number, y: number, z: number) => (x & y) | (~x & z);
  const G = (x: number, y: number, z: number) => (x & y) | (x & z) | (y & z);
  const H = (x: number, y: number, z: number) => x ^ y ^ z;
  const X = new Array<number>(16);
  for (let blk = 0; blk < blocks; blk++) {
    for (let i = 0; i < 16; i++) X[i] = msg.readUInt32LE(blk * 64 + i * 4);
    const [aa, bb, cc, dd] = [a, b, c, d];
    const r1 = [3, 7, 11, 19];
    for (let i = 0; i < 16; i++) {
      const k = i;
      const s = r1[i % 4];
      const t = (a + F(b, c, d) + X[k]) | 0;
      [a, b, c, d] = [d, rotl(t, s), b, c];
    }
    const r2 = [3, 5, 9, 13];
    for (let i = 0; i < 16; i++) {
      const k = (i % 4) * 4 + Math.floor(i / 4);
      const t = (a + G(b, c, d) + X[k] + 0x5a827999) | 0;
      [a, b, c, d] = [d, rotl(t, r2[i % 4]), b, c];
    }
    const order3 = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
    const r3 = [3, 9, 11, 15];
    for (let i = 0; i < 16; i++) {
      const t = (a + H(b, c, d) + X[order3[i]] + 0x6ed9eba1) | 0;
      [a, b, c, d] = [d, rotl(t, r3[i % 4]), b, c];
    }
    a = (a + aa) | 0;
    b = (b + bb) | 0;
    c = (c + cc) | 0;
    d = (d + dd) | 0;
  }
  const out = Buffer.alloc(16);
  out.writeInt32LE(a, 0);
  out.writeInt32LE(b, 4);
  out.writeInt32LE(c, 8);
  out.writeInt32LE(d, 12);
  return out;
}

export function md4(input: Buffer): Buffer {
  try {
    return createHash('md4').update(input).digest();
  } catch {
    return md4Js(input);
  }
}

export { md4Js };
