// Draws media/icon.png (128×128): a lever balanced on a fulcrum. Run once; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => {
  if (x < 0 || y < 0 || x >= size || y >= size) return;
  const i = (y * size + x) * 4;
  pixels.set([r, g, b, a], i);
};
const background = [30, 41, 59, 255];
const beam = [129, 140, 248, 255];
const pivot = [244, 114, 182, 255];
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  const dx = Math.min(x, size - 1 - x);
  const dy = Math.min(y, size - 1 - y);
  const corner = dx < 20 && dy < 20 && (20 - dx) ** 2 + (20 - dy) ** 2 > 400;
  set(x, y, corner ? [0, 0, 0, 0] : background);
}
// The fulcrum: a triangle under the centre.
for (let y = 64; y < 104; y++) {
  const half = Math.round((y - 64) * 0.75);
  for (let x = 64 - half; x <= 64 + half; x++) set(x, y, pivot);
}
// The lever: a level beam resting on the tip, with a weight on each end.
for (let y = 56; y < 64; y++) for (let x = 16; x < 112; x++) set(x, y, beam);
for (const cx of [26, 102]) for (let y = 38; y < 56; y++) for (let x = cx - 9; x < cx + 9; x++) set(x, y, beam);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`make-icon: media/icon.png (${png.length} bytes)`);
