// The bundled images of low-rank, drawn procedurally (pure and deterministic, so a link
// reproduces them exactly and nothing is fetched): a landscape with a decaying spectrum like a
// photograph's, a checkerboard (rank 2), a disc (many small terms for its curved edge) and
// seeded noise (a flat spectrum: nothing to compress). Grey levels run from 0 (black) to 1.
import { makeSource } from "../../src/core/random";

/** Side of the bundled images, in pixels. */
export const BUNDLED_SIZE = 128;

export type BundledName = "landscape" | "checker" | "disc" | "noise";

/** A grey image: m rows of n pixels, row-major, values in [0, 1]. */
export interface Gray {
  readonly m: number;
  readonly n: number;
  readonly data: Float64Array;
}

const smooth = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

function landscape(N: number): Float64Array {
  const out = new Float64Array(N * N);
  // A little film grain, as a photograph has: the spectrum ends in a noise floor, not at zero.
  const grain = makeSource(2024);
  const horizon = 0.66 * N;
  const sun = { x: 0.73 * N, y: 0.24 * N, r: 0.085 * N };
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const x = j;
      const y = i;
      // Sky: darker at the top, bright near the horizon, with the sun's disc and glow.
      const dSun = Math.hypot(x - sun.x, y - sun.y);
      let v = 0.4 + 0.36 * (y / horizon) ** 1.4 + 0.2 * Math.exp(-((dSun / (2.5 * sun.r)) ** 2));
      v += (1 - v) * (1 - smooth(sun.r - 0.8, sun.r + 0.8, dSun));
      // Far mountains, then near hills: two ridge lines made of a few sines.
      const far =
        0.44 * N + 0.07 * N * Math.sin(x * 0.045 + 1.3) + 0.035 * N * Math.sin(x * 0.13 + 0.4);
      const near = 0.56 * N + 0.05 * N * Math.sin(x * 0.03 + 4) + 0.02 * N * Math.sin(x * 0.11);
      if (y > far)
        v = 0.5 - 0.12 * ((y - far) / (horizon - far + 1)) + 0.03 * Math.sin(x * 0.5 + y * 0.3);
      if (y > near) v = 0.3 + 0.04 * Math.sin(x * 0.9) * Math.sin(y * 0.7);
      // A lake below the horizon: ripples, and the sun's reflection as a broken bright column.
      if (y > horizon) {
        const depth = (y - horizon) / (N - horizon);
        v = 0.55 - 0.25 * depth + 0.07 * Math.sin(y * 1.7) * (0.5 + 0.5 * Math.sin(x * 0.21 + y));
        const streak =
          Math.exp(-(((x - sun.x) / (0.05 * N)) ** 2)) * (0.5 + 0.5 * Math.sin(y * 2.3));
        v += 0.35 * streak * (1 - depth);
      }
      // A house on the hill: walls, a dark roof, a window and a door.
      const hx = 0.16 * N;
      const hw = 0.17 * N;
      const base = 0.72 * N;
      const wall = 0.12 * N;
      if (x > hx && x < hx + hw && y > base - wall && y < base) v = 0.82;
      const roofTop = base - wall - 0.09 * N;
      const mid = hx + hw / 2;
      if (
        y >= roofTop &&
        y <= base - wall &&
        Math.abs(x - mid) < ((y - roofTop) / (base - wall - roofTop)) * (hw / 2 + 3)
      )
        v = 0.12;
      if (x > hx + 0.02 * N && x < hx + 0.07 * N && y > base - 0.09 * N && y < base - 0.05 * N)
        v = 0.2;
      if (x > hx + 0.1 * N && x < hx + 0.14 * N && y > base - 0.07 * N && y < base) v = 0.35;
      // A tree: trunk and a round crown.
      const tx = 0.45 * N;
      if (Math.abs(x - tx) < 0.012 * N && y > 0.6 * N && y < 0.74 * N) v = 0.15;
      const crown = Math.hypot(x - tx, (y - 0.56 * N) * 1.15);
      if (crown < 0.07 * N) v = 0.18 + 0.06 * Math.sin(x * 1.3 + y * 0.8);
      out[i * N + j] = Math.min(1, Math.max(0, v + 0.012 * (grain() - 0.5)));
    }
  }
  return out;
}

function checker(N: number): Float64Array {
  const out = new Float64Array(N * N);
  const cell = N / 8;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++)
      out[i * N + j] = (Math.floor(i / cell) + Math.floor(j / cell)) % 2 === 0 ? 0.85 : 0.2;
  return out;
}

function disc(N: number): Float64Array {
  const out = new Float64Array(N * N);
  const c = (N - 1) / 2;
  const r = 0.36 * N;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) out[i * N + j] = Math.hypot(i - c, j - c) < r ? 0.85 : 0.15;
  return out;
}

function noise(N: number, seed: number): Float64Array {
  const next = makeSource(seed);
  const out = new Float64Array(N * N);
  for (let i = 0; i < out.length; i++) out[i] = next();
  return out;
}

const cache = new Map<string, Gray>();

/** The bundled image `name` (noise uses `seed`), N×N with N = BUNDLED_SIZE; memoised. */
export function bundledImage(name: BundledName, seed: number): Gray {
  const key = name === "noise" ? `noise:${seed}` : name;
  const hit = cache.get(key);
  if (hit) return hit;
  const N = BUNDLED_SIZE;
  const data =
    name === "landscape"
      ? landscape(N)
      : name === "checker"
        ? checker(N)
        : name === "disc"
          ? disc(N)
          : noise(N, seed);
  const img = { m: N, n: N, data };
  if (cache.size > 12) cache.clear();
  cache.set(key, img);
  return img;
}

/** The image as rows (what the core's matrix functions take). */
export function rowsOf(img: Gray): number[][] {
  return Array.from({ length: img.m }, (_, i) =>
    Array.from(img.data.subarray(i * img.n, (i + 1) * img.n)),
  );
}
