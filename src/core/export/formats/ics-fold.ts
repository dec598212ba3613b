// RFC 5545 §3.1 line folding, byte-for-byte the output of ical-generator's foldLines, which builds a
// TextEncoder for every character and was the export's largest single CPU cost (1 s of 10 s for 11k events).
// Lines longer than 74 UTF-8 octets continue on the next line after CRLF + space; a character is never split.

function utf8Length(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

function foldLine(line: string): string {
  if (line.length <= 24) return line; // at most 3 octets a UTF-16 unit: 24 units stay under 74 octets
  let out = '';
  let octets = 0;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
    // A high surrogate always takes the next unit with it (as ical-generator does, even when that is no low surrogate).
    const next = pair ? line.charCodeAt(i + 1) : 0;
    const size = !pair ? utf8Length(code) : next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + utf8Length(next);
    octets += size;
    if (octets > 74) {
      out += `${line.slice(from, i)}\r\n `;
      from = i;
      octets = size;
    }
    if (pair) i++;
  }
  return out + line.slice(from);
}

export function foldIcsLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}
