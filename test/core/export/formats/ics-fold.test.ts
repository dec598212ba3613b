import { foldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { foldIcsLines } from '../../../../src/core/export/formats/ics-fold.js';

// A seeded generator, so a failure names a reproducible input.
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const ALPHABET = ['a', 'Z', '9', ' ', ';', ',', 'ä', 'ß', 'é', '€', '日', '本', '😀', '👩‍💻', '\u0301', '\\n', '\ud83d', '\ude00'];

function text(rnd: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(rnd() * 4);
  for (let l = 0; l < count; l++) {
    let s = 'SUMMARY:';
    const len = Math.floor(rnd() * 300);
    for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
    lines.push(s);
  }
  return lines.join('\r\n');
}

describe('foldIcsLines', () => {
  it('equals ical-generator foldLines on 2,000 random lines (ASCII, umlauts, CJK, emoji, combining marks, lone surrogates)', () => {
    const rnd = random(7);
    for (let n = 0; n < 2000; n++) {
      const input = text(rnd);
      expect(foldIcsLines(input), JSON.stringify(input)).toBe(foldLines(input));
    }
  });

  it('never lets a folded line exceed 75 octets and never splits a surrogate pair', () => {
    const folded = foldIcsLines(`DESCRIPTION:${'😀'.repeat(60)}${'ä'.repeat(80)}`);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\ud800-\udbff]$/);
    }
  });
});
