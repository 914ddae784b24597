// The schema helpers: typed constructors, defaults, steps, point pairs and the shared-key rule that
// keeps scene params from shadowing the kit's own URL keys.
import { describe, expect, test } from "vitest";
import {
  SEED_MAX,
  SHARED_KEYS,
  bool,
  choice,
  defaultsOf,
  int,
  num,
  pointsOf,
  seed,
  stepOf,
} from "../../src/kit/schema";
import { sharedKeyClash } from "../../src/kit/params";

describe("constructors", () => {
  test("each constructor tags its kind and keeps every field it was given", () => {
    const eta = num({ label: "η", min: 0.001, max: 2, step: 0.001, default: 0.1, log: true });
    expect(eta).toEqual({
      kind: "number",
      label: "η",
      min: 0.001,
      max: 2,
      step: 0.001,
      default: 0.1,
      log: true,
    });
    expect(int({ label: "n", min: 1, max: 10, default: 3 }).kind).toBe("int");
    expect(bool({ label: "b", default: true })).toEqual({
      kind: "boolean",
      label: "b",
      default: true,
    });
    const f = choice({ label: "f", options: ["bowl", "ill"], default: "ill" });
    expect(f).toEqual({ kind: "choice", label: "f", options: ["bowl", "ill"], default: "ill" });
  });

  test("seed() gives a labelled seed with default 1, and given fields win", () => {
    expect(seed()).toEqual({ kind: "seed", label: "seed", default: 1 });
    expect(seed({ default: 42, label: "random seed" })).toEqual({
      kind: "seed",
      label: "random seed",
      default: 42,
    });
  });
});

describe("stepOf", () => {
  test("a number steps by its step, an int by 1 unless told, a seed by 1", () => {
    expect(stepOf(num({ label: "x", min: 0, max: 1, step: 0.05, default: 0 }))).toBe(0.05);
    expect(stepOf(int({ label: "n", min: 0, max: 100, default: 0 }))).toBe(1);
    expect(stepOf(int({ label: "n", min: 0, max: 100, step: 10, default: 0 }))).toBe(10);
    expect(stepOf(seed())).toBe(1);
  });
});

describe("defaultsOf", () => {
  test("returns one entry per param holding its default", () => {
    const schema = {
      x: num({ label: "x", min: -1, max: 1, step: 0.1, default: 0.5 }),
      n: int({ label: "n", min: 1, max: 9, default: 4 }),
      on: bool({ label: "on", default: false }),
      f: choice({ label: "f", options: ["a", "b"], default: "b" }),
      seed: seed({ default: 7 }),
    };
    expect(defaultsOf(schema)).toEqual({ x: 0.5, n: 4, on: false, f: "b", seed: 7 });
  });
});

describe("pointsOf", () => {
  test("pairs two number params tagged with the same point id into [x, y], whatever their order", () => {
    const schema = {
      y0: num({
        label: "y₀",
        min: -1,
        max: 1,
        step: 0.1,
        default: 0,
        point: { id: "p0", axis: "y" },
      }),
      x0: num({
        label: "x₀",
        min: -1,
        max: 1,
        step: 0.1,
        default: 0,
        point: { id: "p0", axis: "x" },
      }),
      eta: num({ label: "η", min: 0, max: 1, step: 0.1, default: 0.5 }),
    };
    expect(pointsOf(schema)).toEqual({ p0: ["x0", "y0"] });
  });

  test("a schema without points has none", () => {
    expect(pointsOf({ a: bool({ label: "a", default: true }) })).toEqual({});
  });
});

describe("shared keys", () => {
  test("the kit owns exactly the keys of DESIGN.md", () => {
    expect([...SHARED_KEYS].sort()).toEqual(
      ["autoplay", "clock", "embed", "gui", "hide", "preset", "seed", "theme"].sort(),
    );
    expect(SEED_MAX).toBe(2 ** 32 - 1);
  });

  test("a param named like a shared key clashes, except a seed of kind seed", () => {
    expect(sharedKeyClash({ seed: seed() })).toEqual([]);
    expect(sharedKeyClash({ seed: int({ label: "s", min: 0, max: 9, default: 0 }) })).toEqual([
      "seed",
    ]);
    expect(
      sharedKeyClash({
        theme: bool({ label: "t", default: false }),
        eta: num({ label: "η", min: 0, max: 1, step: 0.1, default: 0.5 }),
        clock: num({ label: "c", min: 0, max: 1, step: 0.1, default: 0 }),
      }),
    ).toEqual(["theme", "clock"]);
  });
});
