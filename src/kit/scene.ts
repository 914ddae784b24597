// The scene contract (DESIGN.md, "The scene contract"): what a scene module default-exports.
// A scene gives a schema, presets, a pure model and readouts, and a view; the kit does the rest.
import type { Readout } from "./format";
import type { Theme } from "./params";
import type { ParamsOf, Schema } from "./schema";

export type Section =
  "linear-algebra" | "probability" | "calculus" | "optimization" | "generalisation" | "checkpoint";

export const SECTIONS: readonly { id: Section; title: string }[] = [
  { id: "linear-algebra", title: "1. Linear algebra" },
  { id: "probability", title: "2. Probability & statistics" },
  { id: "calculus", title: "3. Multivariable calculus" },
  { id: "optimization", title: "4. Convex optimization" },
  { id: "generalisation", title: "5. Hoeffding & generalisation" },
  { id: "checkpoint", title: "6. Checkpoint" },
];

/** What the gallery imports (meta.ts), so it never bundles a scene's code. */
export interface SceneMeta {
  id: string;
  title: string;
  section: Section;
  summary: string;
  /** Headline scenes are shown first in their section. */
  headline?: boolean;
}

/** A numeric answer field of a drill, checked with a tolerance. */
export interface DrillField {
  label: string;
  /** Computed by src/core, never typed in. */
  value: () => number;
  /** Absolute tolerance. */
  tol: number;
}

/** A drill: predict first, then reveal; "Show me" applies the preset that demonstrates it. */
export interface Drill {
  id: string;
  title: string;
  question: string;
  /** Numeric answers (checked) or none for a prose answer (revealed). */
  fields?: readonly DrillField[];
  /** The explanation revealed after answering; may reference computed numbers. */
  answer: () => string;
  preset?: string;
}

/** Environment a model runs in: the seeded random source is derived from the `seed` param. */
export interface ModelEnv {
  seed: number;
}

/** The colours and sizes of the active theme, read from CSS variables. */
export interface Palette {
  theme: Theme;
  bg: string;
  fg: string;
  muted: string;
  grid: string;
  panel: string;
  /** Colour-blind-safe categorical colours (Okabe–Ito order). */
  c: readonly string[];
  accent: string;
  good: string;
  bad: string;
  lineWidth: number;
  fontSize: number;
  handleRadius: number;
}

export interface SceneCtx<S extends Schema> {
  /** The current params (a fresh copy). */
  params(): ParamsOf<S>;
  /** Direct manipulation: writes through the same path as a slider (validation, URL, readouts). */
  set(partial: Partial<ParamsOf<S>>): void;
  palette(): Palette;
  /** A small dismissible notice, e.g. "this matrix is singular". Text only, never HTML. */
  notice(text: string): void;
  /** Asks for view.update on the next animation frame (coalesced). */
  invalidate(): void;
  /** True while play is on. */
  playing(): boolean;
  play(): void;
  pause(): void;
  /** True when the person prefers reduced motion: animate in steps. */
  reducedMotion: boolean;
  /** The schema, for handles that need steps and ranges. */
  schema: S;
  /**
   * Runs `load` once the scene is ready and has painted, for a part that must not delay the first
   * picture (a three.js view beside a 2-D one). Resolves with its result, or null when the scene
   * was disposed first (then `load` never runs). `legible.debug.settled()` waits for it.
   */
  later<T>(load: () => Promise<T>): Promise<T | null>;
  /** Background work the picture is waiting for (a worker's job): `legible.debug.settled()` waits for it too. */
  track(work: Promise<unknown>): void;
}

export interface SceneView<S extends Schema, M> {
  update(params: ParamsOf<S>, model: M): void;
  /**
   * Called on every animation frame while playing, with the animation clock in seconds (frozen by
   * `clock=`). Return true when the animation has finished, so play stops by itself.
   */
  frame?(t: number): boolean | void;
  /** One discrete step (→ key, legible.step()). */
  step?(): void;
  /** Back to the start of the animation (R key also restores the preset). */
  reset?(): void;
  resize?(size: { width: number; height: number }): void;
  dispose(): void;
}

export interface SceneDef<S extends Schema, M> {
  meta: SceneMeta;
  params: S;
  /** Named partial parameter sets; the first is the default. */
  presets: Record<string, Partial<ParamsOf<S>>>;
  drills?: readonly Drill[];
  /** Pure: params → numbers, through src/core. */
  model(params: ParamsOf<S>, env: ModelEnv): M;
  /** Pure: the named values of SCENES.md. */
  readouts(model: M, params: ParamsOf<S>): Readout[];
  /** KaTeX strings with the current numbers substituted, shown beside the readouts. */
  formulas?(model: M, params: ParamsOf<S>): string[];
  /** One-sentence state summary for the polite live region. */
  describe(model: M, params: ParamsOf<S>): string;
  /** The scene animates: play/pause/step are offered. */
  animated?: boolean;
  /** Builds the view inside host. */
  mount(host: HTMLElement, ctx: SceneCtx<S>): SceneView<S, M>;
}

/** A scene with its types erased, as the registry and the kit hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScene = SceneDef<any, any>;

/** Declares a scene; a typed identity so a scene file reads as data. */
export function defineScene<S extends Schema, M>(def: SceneDef<S, M>): SceneDef<S, M> {
  return def;
}
