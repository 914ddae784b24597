// A linear map from a math interval to a pixel interval, with d3-array's ticks: all that a small
// figure without axes needs from a scale. Charts with axes use d3-scale (src/draw/chart.ts); a
// page that only needs this does not carry d3-scale, whose default interpolator brings d3-color
// and d3-interpolate along (about 10 KB gzip).
import { ticks as niceTicks } from "d3-array";

export interface LinearScale {
  /** Domain → range, extended linearly outside the domain (no clamping). */
  (x: number): number;
  /** Range → domain. */
  invert(px: number): number;
  /** About `count` round values inside the domain (d3's tick rule). */
  ticks(count?: number): number[];
}

/** The affine map taking domain[0] to range[0] and domain[1] to range[1]. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  // A zero-width domain maps everything to the middle of the range rather than to NaN.
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const mid = (r0 + r1) / 2;
  const scale = ((x: number) => (k === 0 ? mid : r0 + (x - d0) * k)) as LinearScale;
  scale.invert = (px) => (k === 0 ? d0 : d0 + (px - r0) / k);
  scale.ticks = (count = 10) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count);
  return scale;
}
