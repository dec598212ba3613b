// Draws Calpump's icons with nothing but node:zlib, so they can be regenerated anywhere:
//   node assets/make-icons.mjs
// Tray icons (16 px and @2x 32 px) for each state, the app icon (PNG 256/512) and a Windows .ico (16–256).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Renders shapes given in a 0..1 coordinate space with 4×4 supersampling. Later shapes paint over earlier. */
function render(size, shapes) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = (x + (sx + 0.5) / S) / size;
          const py = (y + (sy + 0.5) / S) / size;
          let col = null;
          for (const s of shapes) if (s.inside(px, py)) col = s.color;
          if (col) {
            r += col[0]; g += col[1]; b += col[2]; a += 255;
          }
        }
      }
      const n = S * S;
      const i = (y * size + x) * 4;
      const cov = a / 255;
      out[i] = cov ? Math.round(r / cov) : 0;
      out[i + 1] = cov ? Math.round(g / cov) : 0;
      out[i + 2] = cov ? Math.round(b / cov) : 0;
      out[i + 3] = Math.round(a / n);
    }
  }
  return out;
}

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const WHITE = hex('#ffffff');
const circle = (cx, cy, rad, color) => ({ color, inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad });
const rect = (x0, y0, x1, y1, color) => ({ color, inside: (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1 });
const roundRect = (x0, y0, x1, y1, rad, color) => ({
  color,
  inside: (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + rad), x1 - rad);
    const cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
    return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
  },
});
const ring = (cx, cy, r0, r1, from, to, color) => ({
  color,
  inside: (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    if (d < r0 || d > r1) return false;
    let ang = Math.atan2(y - cy, x - cx);
    if (ang < 0) ang += 2 * Math.PI;
    return ang >= from && ang <= to;
  },
});
const triangle = (p, q, r, color) => ({
  color,
  inside: (x, y) => {
    const s = (a, b) => (x - b[0]) * (a[1] - b[1]) - (a[0] - b[0]) * (y - b[1]);
    const d1 = s(p, q), d2 = s(q, r), d3 = s(r, p);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  },
});

/** A small calendar: base plate, header band, two binder rings, a grid of days. */
function calendarGlyph(x0, y0, x1, y1, plate, band, dots) {
  const w = x1 - x0, h = y1 - y0;
  const shapes = [roundRect(x0, y0 + h * 0.08, x1, y1, w * 0.12, plate), roundRect(x0, y0 + h * 0.08, x1, y0 + h * 0.34, w * 0.12, band), rect(x0, y0 + h * 0.22, x1, y0 + h * 0.34, band)];
  shapes.push(rect(x0 + w * 0.24, y0, x0 + w * 0.32, y0 + h * 0.2, dots), rect(x0 + w * 0.68, y0, x0 + w * 0.76, y0 + h * 0.2, dots));
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 4; col++) {
      const cx = x0 + w * (0.17 + col * 0.22), cy = y0 + h * (0.48 + row * 0.17);
      shapes.push(rect(cx - w * 0.06, cy - h * 0.05, cx + w * 0.06, cy + h * 0.05, dots));
    }
  }
  return shapes;
}

const STATES = {
  idle: { color: hex('#0f6cbd'), mark: () => calendarGlyph(0.26, 0.24, 0.74, 0.74, WHITE, WHITE, hex('#0f6cbd')).slice(0, 3).concat(calendarGlyph(0.26, 0.24, 0.74, 0.74, WHITE, WHITE, hex('#0f6cbd')).slice(5)) },
  syncing: {
    color: hex('#107c10'),
    mark: () => [
      ring(0.5, 0.5, 0.2, 0.29, 0.3, 2.9, WHITE),
      ring(0.5, 0.5, 0.2, 0.29, 3.45, 6.05, WHITE),
      triangle([0.14, 0.5], [0.36, 0.5], [0.25, 0.66], WHITE),
      triangle([0.64, 0.5], [0.86, 0.5], [0.75, 0.34], WHITE),
    ],
  },
  error: { color: hex('#c50f1f'), mark: () => [roundRect(0.44, 0.2, 0.56, 0.6, 0.05, WHITE), circle(0.5, 0.74, 0.07, WHITE)] },
  paused: { color: hex('#616161'), mark: () => [roundRect(0.32, 0.27, 0.44, 0.73, 0.03, WHITE), roundRect(0.56, 0.27, 0.68, 0.73, 0.03, WHITE)] },
};

for (const [name, s] of Object.entries(STATES)) {
  const shapes = [circle(0.5, 0.5, 0.48, s.color), ...s.mark()];
  writeFileSync(join(here, `tray-${name}.png`), png(16, render(16, shapes)));
  writeFileSync(join(here, `tray-${name}@2x.png`), png(32, render(32, shapes)));
}

const appShapes = [roundRect(0.04, 0.04, 0.96, 0.96, 0.2, hex('#0f6cbd')), ...calendarGlyph(0.2, 0.18, 0.8, 0.8, WHITE, hex('#cfe4fa'), hex('#0f6cbd'))];
const appPng = (n) => png(n, render(n, appShapes));
writeFileSync(join(here, 'icon.png'), appPng(512));

// ICO with PNG-compressed entries (Windows Vista and later read these).
const sizes = [16, 24, 32, 48, 64, 128, 256];
const images = sizes.map((n) => appPng(n));
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((n, i) => {
  const e = 6 + i * 16;
  header[e] = n === 256 ? 0 : n;
  header[e + 1] = n === 256 ? 0 : n;
  header.writeUInt16LE(1, e + 4); // colour planes
  header.writeUInt16LE(32, e + 6); // bits per pixel
  header.writeUInt32LE(images[i].length, e + 8);
  header.writeUInt32LE(offset, e + 12);
  offset += images[i].length;
});
writeFileSync(join(here, 'icon.ico'), Buffer.concat([header, ...images]));
console.log('icons written to', here);
