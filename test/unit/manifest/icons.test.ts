import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { colorIcon, outlineIcon } from '../../../scripts/icons.js';
import { decodePng } from './png.js';

const manifestDir = path.join(__dirname, '..', '..', '..', 'manifest');
const read = (file: string) => readFileSync(path.join(manifestDir, file));
const RGBA = 6;

describe('Teams app icons', () => {
  it('has a 192×192 full-colour icon, 8-bit RGBA, opaque everywhere', () => {
    const icon = decodePng(read('color.png'));
    assert.deepEqual([icon.width, icon.height, icon.bitDepth, icon.colorType], [192, 192, 8, RGBA]);
    const colours = new Set<string>();
    for (let i = 0; i < icon.pixels.length; i += 4) {
      assert.equal(icon.pixels[i + 3], 255, `pixel ${i / 4} is not opaque`);
      colours.add(icon.pixels.subarray(i, i + 3).toString('hex'));
    }
    // A real drawing, not a flat square: background, envelope, badge and their anti-aliased edges.
    assert.ok(colours.size > 10, `only ${colours.size} colours`);
  });

  it('has a 32×32 outline icon that is white on a transparent background', () => {
    const icon = decodePng(read('outline.png'));
    assert.deepEqual([icon.width, icon.height, icon.bitDepth, icon.colorType], [32, 32, 8, RGBA]);
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < icon.pixels.length; i += 4) {
      const alpha = icon.pixels[i + 3] as number;
      if (alpha === 0) transparent++;
      if (alpha === 255) opaque++;
      if (alpha > 0) {
        assert.deepEqual([...icon.pixels.subarray(i, i + 3)], [255, 255, 255], `pixel ${i / 4} is not white`);
      }
    }
    assert.ok(transparent > 32 * 32 * 0.4, `only ${transparent} transparent pixels`);
    assert.ok(opaque > 50, `only ${opaque} opaque pixels`);
    for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) assert.equal(icon.pixels[corner * 4 + 3], 0);
  });

  it('commits the pixels scripts/icons.ts draws', () => {
    // Pixels, not bytes: another zlib may compress the same image differently.
    const hint = 'run `npx tsx scripts/icons.ts` and commit the PNGs';
    assert.ok(decodePng(read('color.png')).pixels.equals(decodePng(colorIcon()).pixels), hint);
    assert.ok(decodePng(read('outline.png')).pixels.equals(decodePng(outlineIcon()).pixels), hint);
  });
});
