// Draws the toolbar icon (a shield with a check mark) at each size the
// manifest lists and writes public/icons/icon-N.png. Run once after a change:
// node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

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
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Shape in unit coordinates (0..1), sampled 4x4 per pixel for smooth edges.
function inShield(u, v) {
  if (v < 0.08 || v > 0.95) return false;
  const half = v < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.4) ** 2));
  return Math.abs(u - 0.5) <= half;
}
function onCheck(u, v) {
  const d = (px, py, ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
  };
  return Math.min(d(u, v, 0.3, 0.5, 0.45, 0.66), d(u, v, 0.45, 0.66, 0.72, 0.34)) < 0.065;
}
mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const buf = png(size, (x, y) => {
    let shield = 0, check = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      const u = (x + (i + 0.5) / 4) / size, v = (y + (j + 0.5) / 4) / size;
      if (inShield(u, v)) { shield++; if (onCheck(u, v)) check++; }
    }
    if (shield === 0) return [0, 0, 0, 0];
    const c = check / shield;
    // dark navy shield, Amazon-orange check
    return [Math.round(35 + c * (255 - 35)), Math.round(47 + c * (153 - 47)), Math.round(62 + c * (0 - 62)), Math.round((shield / 16) * 255)];
  });
  writeFileSync(`public/icons/icon-${size}.png`, buf);
}
console.log('icons written');
