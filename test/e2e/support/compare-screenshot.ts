import fs from "node:fs";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

/**
 * Screenshots are compared, and kept as baselines, at half their size in 16 shades of grey: a few tens of KB per
 * page instead of hundreds, and blind to the sub-pixel differences of font smoothing between two machines, while a
 * box that moves by two pixels, a colour that turns from light to dark, or a line that wraps still shows.
 */
export function reduce(screenshot: Buffer): PNG {
  const full = PNG.sync.read(screenshot);
  const width = full.width >> 1;
  const height = full.height >> 1;
  const reduced = new PNG({ width, height });
  const luma = (x: number, y: number) => {
    const i = (y * full.width + x) * 4;
    return 0.299 * full.data[i] + 0.587 * full.data[i + 1] + 0.114 * full.data[i + 2];
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const mean = (luma(2 * x, 2 * y) + luma(2 * x + 1, 2 * y) + luma(2 * x, 2 * y + 1) + luma(2 * x + 1, 2 * y + 1)) / 4;
      const grey = Math.round(Math.round(mean / 17) * 17); // 16 shades: 0, 17, … 255
      const i = (y * width + x) * 4;
      reduced.data[i] = reduced.data[i + 1] = reduced.data[i + 2] = grey;
      reduced.data[i + 3] = 255;
    }
  }
  return reduced;
}

/** A reduced screenshot as a greyscale PNG file's bytes. */
export function encode(image: PNG): Buffer {
  return PNG.sync.write(image, { colorType: 0, deflateLevel: 9 });
}

/** pixelmatch's picture of a difference, in colour. */
export function encodeDiff(diff: PNG): Buffer {
  return PNG.sync.write(diff);
}

export interface Comparison {
  /** Pixels that differ beyond pixelmatch's colour threshold (anti-aliasing left out). */
  differing: number;
  /** Their share of the image, 0 to 1; 1 when the sizes differ (the page got taller or shorter). */
  share: number;
  sizeChanged: boolean;
  /** The differing pixels in red over a faint copy of the screenshot; undefined when the sizes differ. */
  diff?: PNG;
}

export function compare(actual: PNG, baseline: PNG): Comparison {
  if (actual.width !== baseline.width || actual.height !== baseline.height) {
    return { differing: actual.width * actual.height, share: 1, sizeChanged: true };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(actual.data, baseline.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  return { differing, share: differing / (actual.width * actual.height), sizeChanged: false, diff };
}

/** Reads a baseline PNG, or undefined when there is none yet. */
export function readBaseline(file: string): PNG | undefined {
  return fs.existsSync(file) ? PNG.sync.read(fs.readFileSync(file)) : undefined;
}

export function writePng(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}
