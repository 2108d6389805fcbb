// Draws the Teams app icons (manifest/color.png 192×192, manifest/outline.png 32×32) and writes them as
// PNG with node:zlib. Run `npx tsx scripts/icons.ts` after changing the drawing; the PNGs are committed.
// Teams wants a full-colour 192×192 icon and a 32×32 outline icon that is white on a transparent
// background (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
/** One layer of a drawing: where it covers (in icon pixels, fractional) and what it paints there. */
interface Layer {
  covers(x: number, y: number): boolean;
  paint: Rgba;
}

const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];
const ACCENT: Rgba = [15, 108, 189, 255]; // #0F6CBD, the manifest's accentColor
const GREEN: Rgba = [16, 124, 16, 255]; // #107C10

const rect = (x0: number, y0: number, x1: number, y1: number) => (x: number, y: number) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx: number, cy: number, r: number) => (x: number, y: number) =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const frame = (x0: number, y0: number, x1: number, y1: number, width: number) => {
  const outer = rect(x0, y0, x1, y1);
  const inner = rect(x0 + width, y0 + width, x1 - width, y1 - width);
  return (x: number, y: number) => outer(x, y) && !inner(x, y);
};
/** A polyline drawn with round joins, `width` wide. */
const stroke = (points: ReadonlyArray<readonly [number, number]>, width: number) => {
  const half = width / 2;
  return (x: number, y: number) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i] as readonly [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= half * half;
    });
};

/** Renders layers (later ones on top) with 4×4 supersampling; returns RGBA rows, top to bottom. */
function render(size: number, layers: readonly Layer[]): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          let colour: Rgba = TRANSPARENT;
          for (const layer of layers) if (layer.covers(x, y)) colour = layer.paint;
          // Premultiplied sums, so transparent samples do not darken the edges.
          r += colour[0] * colour[3];
          g += colour[1] * colour[3];
          b += colour[2] * colour[3];
          a += colour[3];
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a === 0 ? 0 : Math.round(r / a);
      pixels[offset + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[offset + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[offset + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

/** Encodes RGBA pixels as a PNG: 8-bit truecolour with alpha (colour type 6), filter 0 on every row. */
export function encodePng(size: number, pixels: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth, colour type RGBA, compression, filter, no interlace
  const rowBytes = size * 4;
  const raw = Buffer.alloc(size * (rowBytes + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 192×192: a white envelope on the accent colour with a green "sent again" check badge. */
export function colorIcon(): Buffer {
  const size = 192;
  const checkMark: Array<[number, number]> = [
    [118, 120],
    [128, 130],
    [146, 110],
  ];
  return encodePng(
    size,
    render(size, [
      { covers: rect(0, 0, size, size), paint: ACCENT },
      { covers: rect(36, 50, 140, 120), paint: WHITE },
      {
        covers: stroke(
          [
            [40, 54],
            [88, 90],
            [136, 54],
          ],
          6,
        ),
        paint: ACCENT,
      },
      { covers: circle(132, 120, 30), paint: ACCENT },
      { covers: circle(132, 120, 25), paint: GREEN },
      { covers: stroke(checkMark, 7), paint: WHITE },
    ]),
  );
}

/** 32×32: the same envelope and check, white lines on transparency. */
export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(
    size,
    render(size, [
      { covers: frame(3, 7, 26, 24, 2), paint: WHITE },
      {
        covers: stroke(
          [
            [4.5, 8.5],
            [14.5, 16],
            [24.5, 8.5],
          ],
          2,
        ),
        paint: WHITE,
      },
      // Clear a round gap so the badge reads as separate from the envelope.
      { covers: circle(24, 23, 7.5), paint: TRANSPARENT },
      {
        covers: stroke(
          [
            [20, 23],
            [23, 26],
            [28.5, 19.5],
          ],
          2.2,
        ),
        paint: WHITE,
      },
    ]),
  );
}

if (require.main === module) {
  const manifestDir = path.join(__dirname, '..', 'manifest');
  writeFileSync(path.join(manifestDir, 'color.png'), colorIcon());
  writeFileSync(path.join(manifestDir, 'outline.png'), outlineIcon());
  process.stdout.write(`wrote ${manifestDir}/color.png and outline.png\n`);
}
