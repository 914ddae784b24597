// What d3-scale gets for "d3-interpolate" in this build (vite.config.ts, numberInterpolation):
// number interpolation only. d3-scale's continuous scales default to d3-interpolate's generic
// `interpolate`, which can blend colours, strings, dates and objects, and so brings d3-color and
// the rest of d3-interpolate (about 7 KB gzip) to every page with a chart. Legible's charts map
// numbers to pixels; colours come from the theme palette, never from a scale's range. Anything
// importing d3-interpolate directly still gets the real package.

/** The linear blend a·(1 − t) + b·t, as d3-interpolate's interpolateNumber. */
export function interpolateNumber(a: number, b: number): (t: number) => number {
  const x = +a;
  const y = +b;
  return (t) => x * (1 - t) + y * t;
}

/** interpolateNumber rounded to the nearest integer, as d3-interpolate's interpolateRound. */
export function interpolateRound(a: number, b: number): (t: number) => number {
  const x = +a;
  const y = +b;
  return (t) => Math.round(x * (1 - t) + y * t);
}

/**
 * d3's generic interpolator restricted to numbers: a numeric end blends as interpolateNumber;
 * anything else is held constant at b (what d3 does for values it cannot blend).
 */
export function interpolate<T>(a: T, b: T): (t: number) => T | number {
  return typeof b === "number" ? interpolateNumber(a as number, b) : () => b;
}

/** Interpolates through a list of values piece by piece, as d3-interpolate's piecewise. */
export function piecewise<T>(
  interpolator: ((a: T, b: T) => (t: number) => unknown) | readonly T[],
  values?: readonly T[],
): (t: number) => unknown {
  let blend = interpolator as (a: T, b: T) => (t: number) => unknown;
  let list = values as readonly T[];
  if (values === undefined) {
    list = interpolator as readonly T[];
    blend = interpolate as (a: T, b: T) => (t: number) => unknown;
  }
  const n = list.length - 1;
  const parts = Array.from({ length: Math.max(0, n) }, (_, i) => blend(list[i], list[i + 1]));
  return (t) => {
    const i = Math.max(0, Math.min(n - 1, Math.floor((t *= n))));
    return parts[i](t - i);
  };
}
