// The URL codec and validation: every value that enters a scene (URL, JS API, postMessage, a drag)
// passes through `coerce`, which clamps, snaps exactly as lil-gui snaps, or falls back to the
// default, and reports what it corrected so the page can say so. Pure: no DOM.
import {
  SEED_MAX,
  SHARED_KEYS,
  defaultsOf,
  stepOf,
  type ParamSpec,
  type ParamValue,
  type ParamsOf,
  type Schema,
  type SharedKey,
} from "./schema";

/** What was corrected, in words a person can read in a notice. */
export interface Correction {
  key: string;
  /** The value as given, shortened for display (never inserted as HTML). */
  given: string;
  used: string;
  reason: string;
}

export type Theme = "light" | "dark" | "projector";
export const THEMES: readonly Theme[] = ["light", "dark", "projector"];
export type GuiMode = "open" | "closed" | "hidden";

/** The shared display keys of every scene URL. */
export interface SharedState {
  embed: boolean;
  gui: GuiMode;
  hide: string[];
  theme: Theme | null;
  autoplay: boolean;
  clock: number | null;
}

export interface ParsedUrl<P> {
  params: P;
  preset: string;
  shared: SharedState;
  corrections: Correction[];
}

/** The part of URLSearchParams the codec reads (kept minimal so this file needs no DOM types). */
export interface QueryLike {
  get(key: string): string | null;
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
export const CLOCK_MAX = 86400;

/** Shortens a given value for a notice: at most 24 characters, control characters dropped. */
export function shorten(raw: unknown): string {
  const s = typeof raw === "string" ? raw : String(raw);
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, "");
  return clean.length > 24 ? `${clean.slice(0, 23)}…` : clean;
}

/** Parses a decimal number written the way people write them (no hex, no empty string). */
export function parseDecimal(raw: string): number | null {
  const t = raw.trim();
  if (!NUMBER_RE.test(t)) return null;
  // "1e309" matches the pattern but overflows to Infinity: that is not a number a person meant.
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Digits after the decimal point in a number's shortest form (0.0001 → 4, 1e-7 → 7, 20 → 0). */
function decimalsOf(x: number): number {
  const m = String(x).match(/(?:\.(\d+))?(?:e([+-]\d+))?$/);
  return Math.max(0, (m?.[1]?.length ?? 0) - Number(m?.[2] ?? 0));
}

/**
 * Snaps to the step grid anchored at min, as lil-gui's NumberController does, then rounds to the
 * decimals of the step and min: lil-gui's toPrecision(15) alone leaves a 16th-digit artifact in
 * some cases (−5 + 56000 × 0.0001 = 0.6000000000000005 → 0.600000000000001), which would turn a
 * link's 0.6 into a correction.
 */
export function snap(value: number, min: number, step: number): number {
  const v = Math.round((value - min) / step) * step + min;
  const d = Math.min(100, Math.max(decimalsOf(step), decimalsOf(min)));
  return parseFloat(parseFloat(v.toFixed(d)).toPrecision(15));
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Brings one raw value (a URL string, or anything from the JS API) into a param's domain.
 * Returns the value to use and, when it differs from what was given, a correction.
 */
export function coerce(
  key: string,
  spec: ParamSpec,
  raw: unknown,
): { value: ParamValue; correction?: Correction } {
  const fallback = (reason: string) => ({
    value: spec.default,
    correction: { key, given: shorten(raw), used: String(spec.default), reason },
  });
  switch (spec.kind) {
    case "boolean": {
      if (typeof raw === "boolean") return { value: raw };
      if (typeof raw === "number" && (raw === 0 || raw === 1)) return { value: raw === 1 };
      if (typeof raw === "string") {
        const t = raw.trim().toLowerCase();
        if (t === "1" || t === "true") return { value: true };
        if (t === "0" || t === "false") return { value: false };
      }
      return fallback("not a yes/no value (use 1 or 0)");
    }
    case "choice": {
      if (typeof raw === "string") {
        const t = raw.trim();
        const hit =
          spec.options.find((o) => o === t) ??
          spec.options.find((o) => o.toLowerCase() === t.toLowerCase());
        if (hit !== undefined) return { value: hit };
      }
      return fallback(`not one of ${spec.options.join(", ")}`);
    }
    default: {
      let v: number | null;
      if (typeof raw === "number") v = Number.isFinite(raw) ? raw : null;
      else if (typeof raw === "string") v = parseDecimal(raw);
      else v = null;
      if (v === null) return fallback("not a number");
      const min = spec.kind === "seed" ? 0 : spec.min;
      const max = spec.kind === "seed" ? SEED_MAX : spec.max;
      const step = stepOf(spec);
      // Clamp before snapping as well as after: when the range is not a whole number of steps,
      // the result is then a fixed point (coercing it again changes nothing), which a link needs.
      const out = clamp(snap(clamp(v, min, max), min, step), min, max);
      if (out === v) return { value: out };
      const reason = v < min || v > max ? `outside ${min} … ${max}` : `rounded to the step ${step}`;
      return { value: out, correction: { key, given: shorten(raw), used: String(out), reason } };
    }
  }
}

/** Brings a partial params object (JS API, postMessage, drag) into the schema; unknown keys are dropped. */
export function sanitizePartial<S extends Schema>(
  schema: S,
  partial: unknown,
): { values: Partial<ParamsOf<S>>; corrections: Correction[]; unknown: string[] } {
  const values: Record<string, ParamValue> = {};
  const corrections: Correction[] = [];
  const unknown: string[] = [];
  if (typeof partial !== "object" || partial === null) return { values: {}, corrections, unknown };
  for (const [k, raw] of Object.entries(partial as Record<string, unknown>)) {
    const spec = Object.prototype.hasOwnProperty.call(schema, k) ? schema[k] : undefined;
    if (!spec) {
      unknown.push(k);
      continue;
    }
    const { value, correction } = coerce(k, spec, raw);
    values[k] = value;
    if (correction) corrections.push(correction);
  }
  return { values: values as Partial<ParamsOf<S>>, corrections, unknown };
}

/** The params a preset stands for: schema defaults overlaid with the preset's values. */
export function presetBase<S extends Schema>(
  schema: S,
  presets: Record<string, Partial<ParamsOf<S>>>,
  name: string,
): ParamsOf<S> {
  return { ...defaultsOf(schema), ...(presets[name] ?? {}) };
}

function parseShared(search: QueryLike, schema: Schema, corrections: Correction[]): SharedState {
  const shared: SharedState = {
    embed: false,
    gui: "open",
    hide: [],
    theme: null,
    autoplay: false,
    clock: null,
  };
  const flag = (key: SharedKey): boolean => {
    const raw = search.get(key);
    if (raw === null) return false;
    const t = raw.trim().toLowerCase();
    if (t === "1" || t === "true" || t === "") return true;
    if (t !== "0" && t !== "false")
      corrections.push({ key, given: shorten(raw), used: "0", reason: "use 1 or 0" });
    return false;
  };
  shared.embed = flag("embed");
  shared.autoplay = flag("autoplay");
  const gui = search.get("gui");
  if (gui !== null) {
    if (gui === "open" || gui === "closed" || gui === "hidden") shared.gui = gui;
    else
      corrections.push({
        key: "gui",
        given: shorten(gui),
        used: "open",
        reason: "use open, closed or hidden",
      });
  }
  const theme = search.get("theme");
  if (theme !== null) {
    if ((THEMES as readonly string[]).includes(theme)) shared.theme = theme as Theme;
    else
      corrections.push({
        key: "theme",
        given: shorten(theme),
        used: "light",
        reason: "use light, dark or projector",
      });
  }
  const hide = search.get("hide");
  if (hide !== null) {
    for (const name of hide
      .split(",")
      .map((s: string) => s.trim())
      .filter(Boolean)) {
      if (Object.prototype.hasOwnProperty.call(schema, name)) shared.hide.push(name);
      else
        corrections.push({
          key: "hide",
          given: shorten(name),
          used: "(ignored)",
          reason: "no such control",
        });
    }
  }
  const clock = search.get("clock");
  if (clock !== null) {
    const v = parseDecimal(clock);
    if (v === null)
      corrections.push({
        key: "clock",
        given: shorten(clock),
        used: "(running)",
        reason: "not a number",
      });
    else {
      shared.clock = clamp(v, 0, CLOCK_MAX);
      if (shared.clock !== v)
        corrections.push({
          key: "clock",
          given: shorten(clock),
          used: String(shared.clock),
          reason: `outside 0 … ${CLOCK_MAX}`,
        });
    }
  }
  return shared;
}

/**
 * Reads a scene URL: the preset (the first one when absent or unknown), then explicit params over
 * it, then the shared display keys. Never throws; everything corrected is listed.
 */
export function parseUrl<S extends Schema>(
  schema: S,
  presets: Record<string, Partial<ParamsOf<S>>>,
  search: QueryLike,
): ParsedUrl<ParamsOf<S>> {
  const corrections: Correction[] = [];
  const names = Object.keys(presets);
  let preset = names[0];
  const asked = search.get("preset");
  if (asked !== null) {
    if (Object.prototype.hasOwnProperty.call(presets, asked)) preset = asked;
    else
      corrections.push({
        key: "preset",
        given: shorten(asked),
        used: preset,
        reason: `not one of ${names.join(", ")}`,
      });
  }
  const params: Record<string, ParamValue> = { ...presetBase(schema, presets, preset) };
  for (const [k, spec] of Object.entries(schema)) {
    const raw = search.get(k);
    if (raw === null) continue;
    const { value, correction } = coerce(k, spec, raw);
    params[k] = value;
    if (correction) corrections.push(correction);
  }
  const shared = parseShared(search, schema, corrections);
  return { params: params as ParamsOf<S>, preset, shared, corrections };
}

/** Writes a scene's query string: the preset, the params that differ from it, the shared keys in use. */
export function serializeUrl<S extends Schema>(
  schema: S,
  presets: Record<string, Partial<ParamsOf<S>>>,
  preset: string,
  params: ParamsOf<S>,
  shared: SharedState,
): string {
  const q: [string, string][] = [];
  const names = Object.keys(presets);
  if (preset !== names[0]) q.push(["preset", preset]);
  const base = presetBase(schema, presets, preset) as Record<string, ParamValue>;
  for (const k of Object.keys(schema)) {
    const v = (params as Record<string, ParamValue>)[k];
    if (v !== base[k]) q.push([k, typeof v === "boolean" ? (v ? "1" : "0") : String(v)]);
  }
  if (shared.embed) q.push(["embed", "1"]);
  if (shared.gui !== "open") q.push(["gui", shared.gui]);
  if (shared.hide.length) q.push(["hide", shared.hide.join(",")]);
  if (shared.theme) q.push(["theme", shared.theme]);
  if (shared.autoplay) q.push(["autoplay", "1"]);
  if (shared.clock !== null) q.push(["clock", String(shared.clock)]);
  // Commas stay readable (hide=eta,seed); everything else is percent-encoded.
  const s = q
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ",")}`)
    .join("&");
  return s ? `?${s}` : "";
}

/** Words for a list of corrections, one sentence per item, for the dismissible notice. */
export function describeCorrections(corrections: readonly Correction[]): string[] {
  return corrections.map((c) => `${c.key}: “${c.given}” ${c.reason}; using ${c.used}.`);
}

/** Names that a scene may not use for its own params. */
export function sharedKeyClash(schema: Schema): string[] {
  return Object.keys(schema).filter(
    (k) =>
      (SHARED_KEYS as readonly string[]).includes(k) &&
      !(k === "seed" && schema[k].kind === "seed"),
  );
}
