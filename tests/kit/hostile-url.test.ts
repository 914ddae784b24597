// Hostile URL values, one key at a time, through the URL codec (parseUrl in src/kit/params.ts), for
// every param of every registered scene and every shared key. The values are the e2e fuzz list
// (tests/e2e/hostile.json), so the browser test and this one cannot drift apart. The claims are
// the issue's: whatever a link holds, every param ends up valid for its schema, and a value that
// was not taken as written is reported in a correction (the notice's words) that names its key.
//
// "Taken as written" is judged here from what the text means, not from the codec's own answer: a
// number key takes a plain decimal (surrounding spaces allowed) equal to the value used, a yes/no
// key takes 1, 0, true or false, a choice key takes one of its words in any case.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadAllScenes } from "../scenes/load-all";
import {
  CLOCK_MAX,
  THEMES,
  describeCorrections,
  parseUrl,
  type ParsedUrl,
  type QueryLike,
} from "../../src/kit/params";
import type { AnyScene } from "../../src/kit/scene";
import {
  SEED_MAX,
  SHARED_KEYS,
  stepOf,
  type ParamSpec,
  type ParamValue,
  type Schema,
} from "../../src/kit/schema";
import HOSTILE from "../e2e/hostile.json";

// Fixed seed: a property failure reproduces on every machine.
const FC = { seed: 20260214, numRuns: 150 } as const;

/** A decimal as people write it: no hex, no words, no empty string. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GUI_MODES = ["open", "closed", "hidden"];

/** A query holding exactly one key. */
const only = (key: string, value: string): QueryLike => new URLSearchParams([[key, value]]);

/** Why `v` is not a valid value of `spec`, or null when it is. */
function invalid(spec: ParamSpec, v: ParamValue): string | null {
  switch (spec.kind) {
    case "boolean":
      return typeof v === "boolean" ? null : "not a boolean";
    case "choice":
      return typeof v === "string" && spec.options.includes(v) ? null : "not an allowed choice";
    case "seed":
      return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= SEED_MAX
        ? null
        : "not an integer seed in 0 … SEED_MAX";
    default: {
      if (typeof v !== "number" || !Number.isFinite(v)) return "not a finite number";
      if (v < spec.min || v > spec.max) return `outside ${spec.min} … ${spec.max}`;
      if (spec.kind === "int" && !Number.isInteger(v)) return "not an integer";
      const steps = (v - spec.min) / stepOf(spec);
      // On the step grid anchored at min; max is allowed when the range is not whole steps.
      if (Math.abs(steps - Math.round(steps)) > 1e-6 && v !== spec.max) return "off the step grid";
      return null;
    }
  }
}

/** Whether `raw` means exactly `v` for a param of this kind. */
function takenAsWritten(spec: ParamSpec, raw: string, v: ParamValue): boolean {
  const t = raw.trim();
  switch (spec.kind) {
    case "boolean":
      return (v ? ["1", "true"] : ["0", "false"]).includes(t.toLowerCase());
    case "choice":
      return typeof v === "string" && v.toLowerCase() === t.toLowerCase();
    default:
      return DECIMAL.test(t) && Number(t) === v;
  }
}

/** Whether a correction, and the notice line made from it, name `key`. */
function named(parsed: ParsedUrl<Record<string, ParamValue>>, key: string): boolean {
  const lines = describeCorrections(parsed.corrections);
  return parsed.corrections.some((c, i) => c.key === key && lines[i].includes(key));
}

/** Every problem with the params of a parse: a key whose value its schema does not allow. */
function invalidParams(schema: Schema, parsed: ParsedUrl<Record<string, ParamValue>>): string[] {
  return Object.entries(schema).flatMap(([k, spec]) => {
    const why = invalid(spec, parsed.params[k]);
    return why ? [`${k}=${JSON.stringify(parsed.params[k])} ${why}`] : [];
  });
}

/** The problems of one param given one raw value alone in the URL (none: an empty list). */
function paramProblems(scene: AnyScene, key: string, raw: string): string[] {
  const schema = scene.params as Schema;
  const spec = schema[key];
  const parsed = parseUrl(schema, scene.presets, only(key, raw)) as ParsedUrl<
    Record<string, ParamValue>
  >;
  const out = invalidParams(schema, parsed);
  const v = parsed.params[key];
  const asWritten = takenAsWritten(spec, raw, v);
  if (!asWritten && !named(parsed, key)) out.push(`${key}=${JSON.stringify(raw)}: no correction`);
  if (asWritten && parsed.corrections.length)
    out.push(`${key}=${JSON.stringify(raw)}: taken as ${v} yet corrected`);
  return out;
}

/** The problems of one shared key given one raw value alone in the URL. */
function sharedProblems(scene: AnyScene, key: string, raw: string): string[] {
  const schema = scene.params as Schema;
  const presets = Object.keys(scene.presets);
  const parsed = parseUrl(schema, scene.presets, only(key, raw)) as ParsedUrl<
    Record<string, ParamValue>
  >;
  const { shared } = parsed;
  const out = invalidParams(schema, parsed);
  const state = JSON.stringify({ preset: parsed.preset, ...shared });
  if (!presets.includes(parsed.preset)) out.push(`preset ${parsed.preset} does not exist`);
  if (shared.theme !== null && !(THEMES as readonly string[]).includes(shared.theme))
    out.push(`theme ${shared.theme}`);
  if (!GUI_MODES.includes(shared.gui)) out.push(`gui ${shared.gui}`);
  if (typeof shared.embed !== "boolean" || typeof shared.autoplay !== "boolean")
    out.push(`embed/autoplay not booleans: ${state}`);
  if (!shared.hide.every((k) => Object.prototype.hasOwnProperty.call(schema, k)))
    out.push(`hide names unknown controls: ${shared.hide.join(",")}`);
  if (
    shared.clock !== null &&
    !(Number.isFinite(shared.clock) && shared.clock >= 0 && shared.clock <= CLOCK_MAX)
  )
    out.push(`clock ${shared.clock}`);

  const t = raw.trim();
  let asWritten: boolean;
  switch (key) {
    case "preset":
      asWritten = parsed.preset === raw;
      break;
    case "theme":
      asWritten = shared.theme === raw;
      break;
    case "gui":
      asWritten = shared.gui === raw;
      break;
    case "embed":
    case "autoplay":
      // A bare key (`?embed`) switches it on.
      asWritten = ["", "1", "true", "0", "false"].includes(t.toLowerCase());
      break;
    case "hide": {
      const names = raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      asWritten = names.every((n) => shared.hide.includes(n));
      break;
    }
    case "clock":
      asWritten = DECIMAL.test(t) && Number(t) === shared.clock;
      break;
    case "seed":
      // A scene without randomness has no seed: the key means nothing to it and is ignored.
      if (!schema.seed) {
        asWritten = true;
        const first = parseUrl(schema, scene.presets, only("x-none", "")).params;
        if (JSON.stringify(parsed.params) !== JSON.stringify(first))
          out.push(`seed=${JSON.stringify(raw)} changed the params of a scene without a seed`);
        break;
      }
      return paramProblems(scene, key, raw);
    default:
      throw new Error(`no rule for shared key ${key}`);
  }
  if (!asWritten && !named(parsed, key))
    out.push(`${key}=${JSON.stringify(raw)}: no correction naming it (${state})`);
  if (asWritten && parsed.corrections.length)
    out.push(`${key}=${JSON.stringify(raw)}: taken as written yet corrected`);
  return out;
}

// Every scene module; one that fails to load becomes a failing test, not a crashed file.
const loaded = await loadAllScenes();

/** Hostile fragments and ordinary junk: what a property test draws a raw URL value from. */
const rawValue = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.double().map(String),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
  fc
    .tuple(fc.constantFrom("", " ", "\t", "+", "-", "0"), fc.double({ noNaN: true }))
    .map(([pad, v]) => `${pad}${v}${pad}`),
);

describe("the hostile list", () => {
  test("holds the values the issue names, so the loops below test them", () => {
    for (const v of ["NaN", "1e309", "-1e309", "", "0x1F", "  0.5  ", '{"a":1}'])
      expect(HOSTILE).toContain(v);
    expect(HOSTILE.some((v) => v.includes("<img"))).toBe(true);
    expect(HOSTILE.some((v) => v.includes("<script>"))).toBe(true);
    expect(HOSTILE.some((v) => v.startsWith("javascript:"))).toBe(true);
  });

  test("finds at least one scene, so the loops below are not empty", () => {
    expect(loaded.length).toBeGreaterThan(0);
  });
});

for (const { id, scene, error } of loaded) {
  describe(`scene ${id}`, () => {
    test("its module loads", () => {
      expect(error).toBeNull();
    });
    if (!scene) return;
    const keys = Object.keys(scene.params as Schema);

    test("every param given each hostile value alone ends up valid, and a value not taken as written is corrected by name", () => {
      const problems = keys.flatMap((k) => HOSTILE.flatMap((raw) => paramProblems(scene, k, raw)));
      expect(problems).toEqual([]);
    });

    test("every shared key given each hostile value alone leaves valid params and display state, and a value not taken as written is corrected by name", () => {
      const problems = SHARED_KEYS.flatMap((k) =>
        HOSTILE.flatMap((raw) => sharedProblems(scene, k, raw)),
      );
      expect(problems).toEqual([]);
    });

    test("any string at all, in any one param or shared key, ends up valid and is corrected by name unless taken as written", () => {
      fc.assert(
        fc.property(fc.constantFrom(...keys, ...SHARED_KEYS), rawValue, (key, raw) => {
          const problems = keys.includes(key)
            ? paramProblems(scene, key, raw)
            : sharedProblems(scene, key, raw);
          expect(problems).toEqual([]);
        }),
        FC,
      );
    });
  });
}
