// The param schema: one declarative entry per parameter. From it the kit derives the GUI, the URL
// codec, validation, presets, embed flags and the generic tests, so a scene never wires these by
// hand. This file is pure (no DOM) and is type-checked without DOM types.

/** A parameter value as it lives in a scene's params object and in the URL. */
export type ParamValue = number | boolean | string;

interface ParamBase {
  /** Label shown in the panel: symbol and unit, e.g. "η (step size)". */
  label: string;
  /** Folder in the panel; params without a group sit at the top. */
  group?: string;
  /** Shown only while this returns true (the param still lives in the URL). */
  visibleWhen?: (p: Record<string, ParamValue>) => boolean;
  /** A longer description for screen readers and the help overlay. */
  help?: string;
}

export interface NumberParam extends ParamBase {
  kind: "number";
  min: number;
  max: number;
  step: number;
  default: number;
  /** Log-scaled slider (for n, κ, η and the like); min must be > 0. */
  log?: boolean;
  /** Binds two number params into a point with a drag handle: `{ point: "x0", axis: "x" }`. */
  point?: { id: string; axis: "x" | "y" };
  /** Tick marks drawn on the slider, e.g. 1/L and 2/L on η. */
  marks?: (p: Record<string, ParamValue>) => readonly { value: number; label: string }[];
}

export interface IntParam extends ParamBase {
  kind: "int";
  min: number;
  max: number;
  step?: number;
  default: number;
  log?: boolean;
  marks?: (p: Record<string, ParamValue>) => readonly { value: number; label: string }[];
}

export interface BooleanParam extends ParamBase {
  kind: "boolean";
  default: boolean;
}

export interface ChoiceParam<O extends string = string> extends ParamBase {
  kind: "choice";
  /** Allowed values (URL words) in display order. */
  options: readonly O[];
  /** Human labels per option; the word itself is used where missing. */
  optionLabels?: Partial<Record<O, string>>;
  default: O;
}

export interface SeedParam extends ParamBase {
  kind: "seed";
  default: number;
}

export type ParamSpec = NumberParam | IntParam | BooleanParam | ChoiceParam | SeedParam;
export type Schema = Record<string, ParamSpec>;

/** The params object a schema describes, typed per entry. */
export type ParamsOf<S extends Schema> = {
  [K in keyof S]: S[K] extends BooleanParam
    ? boolean
    : S[K] extends ChoiceParam<infer O>
      ? O
      : number;
};

/** Keys the kit owns in every scene URL; no scene param may use one of these names. */
export const SHARED_KEYS = [
  "preset",
  "seed",
  "embed",
  "gui",
  "hide",
  "theme",
  "autoplay",
  "clock",
] as const;
export type SharedKey = (typeof SHARED_KEYS)[number];

/** The largest seed a URL may carry (seeds are 32-bit unsigned integers). */
export const SEED_MAX = 4294967295;

/** Typed constructors: they keep the literal option types so `ParamsOf` can narrow choices. */
export const num = (spec: Omit<NumberParam, "kind">): NumberParam => ({ kind: "number", ...spec });
export const int = (spec: Omit<IntParam, "kind">): IntParam => ({ kind: "int", ...spec });
export const bool = (spec: Omit<BooleanParam, "kind">): BooleanParam => ({
  kind: "boolean",
  ...spec,
});
export const choice = <const O extends string>(
  spec: Omit<ChoiceParam<O>, "kind">,
): ChoiceParam<O> => ({ kind: "choice", ...spec });
export const seed = (spec: Partial<Omit<SeedParam, "kind">> = {}): SeedParam => ({
  kind: "seed",
  label: spec.label ?? "seed",
  default: spec.default ?? 1,
  ...spec,
});

/** The numeric step of a param (ints and seeds step by 1 unless told). */
export function stepOf(spec: ParamSpec): number {
  if (spec.kind === "number") return spec.step;
  if (spec.kind === "int") return spec.step ?? 1;
  return 1;
}

/** The schema's defaults as a params object. */
export function defaultsOf<S extends Schema>(schema: S): ParamsOf<S> {
  const out: Record<string, ParamValue> = {};
  for (const [k, spec] of Object.entries(schema)) out[k] = spec.default;
  return out as ParamsOf<S>;
}

/** Names of the point pairs a schema declares, each as [xKey, yKey]. */
export function pointsOf(schema: Schema): Record<string, [string, string]> {
  const pts: Record<string, [string, string]> = {};
  for (const [k, spec] of Object.entries(schema)) {
    if (spec.kind !== "number" || !spec.point) continue;
    const pair = (pts[spec.point.id] ??= ["", ""]);
    pair[spec.point.axis === "x" ? 0 : 1] = k;
  }
  return pts;
}
