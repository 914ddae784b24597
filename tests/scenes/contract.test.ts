// The scene contract, checked for every scene the registry finds: a scene folder added tomorrow is
// held to the same tests without anyone writing one. Each scene's pure model and readouts run here
// in Node, without a browser: schema sanity, presets, the URL round trip, determinism, every slider
// at both stops, the readout names of SCENES.md, drills, and a snapshot of the model per preset
// (numbers rounded, so only a real change shows up).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadAllScenes } from "./load-all";
import { sceneMetas } from "../../scenes/registry";
import { hasNonFinite, type Readout } from "../../src/kit/format";
import { coerce, parseUrl, presetBase, serializeUrl, sharedKeyClash } from "../../src/kit/params";
import { SECTIONS, type AnyScene, type SceneMeta } from "../../src/kit/scene";
import { SEED_MAX, pointsOf, stepOf, type ParamValue, type Schema } from "../../src/kit/schema";

const scenesDir = new URL("../../scenes/", import.meta.url);
const metaModules = import.meta.glob<SceneMeta>("../../scenes/*/meta.ts", {
  eager: true,
  import: "default",
});
const metaByFolder = new Map(
  Object.entries(metaModules).map(([path, meta]) => [path.split("/").at(-2)!, meta]),
);

// Every scene module; one that fails to load becomes a failing test, not a crashed file.
const loaded = await loadAllScenes();

// ---- SCENES.md: the readout names each scene promises ----

/** Expands `lambda1..3` to lambda1, lambda2, lambda3; keeps plain names; drops anything else. */
function expandName(raw: string): string[] {
  const range = raw.match(/^([A-Za-z-]*?)(\d+)\.\.(\d+)$/);
  if (range) {
    const [, stem, from, to] = range;
    const out: string[] = [];
    for (let i = Number(from); i <= Number(to); i++) out.push(`${stem}${i}`);
    return out;
  }
  return /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/.test(raw) ? [raw] : [];
}

/**
 * Readout names per scene id: the backticked names of each `### \`id\`` section's "Readouts:"
 * sentence, which ends at the first period outside backticks and parentheses.
 */
function parseReadoutNames(md: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const section of md.split(/^### /m).slice(1)) {
    const id = section.match(/^`([^`]+)`/)?.[1];
    if (!id) continue;
    const at = section.indexOf("Readouts:");
    if (at < 0) {
      out.set(id, []);
      continue;
    }
    const text = section.slice(at + "Readouts:".length);
    let depth = 0;
    let tick = false;
    let end = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "`") tick = !tick;
      else if (tick) continue;
      else if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      else if (c === "." && depth === 0 && (i + 1 === text.length || /\s/.test(text[i + 1]))) {
        end = i;
        break;
      }
    }
    const names = [...text.slice(0, end).matchAll(/`([^`]+)`/g)].flatMap((m) => expandName(m[1]));
    out.set(id, [...new Set(names)]);
  }
  return out;
}

const catalog = parseReadoutNames(
  readFileSync(new URL("../../docs/SCENES.md", import.meta.url), "utf8"),
);

// ---- Helpers ----

type Params = Record<string, ParamValue>;

function run(scene: AnyScene, p: Params): { model: unknown; readouts: Readout[] } {
  const model = scene.model(p, { seed: typeof p.seed === "number" ? p.seed : 1 });
  return { model, readouts: scene.readouts(model, p) };
}

/** Rounds numbers to 6 significant digits (and float noise to 0) so snapshots hold the meaning. */
function normalise(x: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) return String(x);
    if (Math.abs(x) < 1e-12) return 0;
    return Number(x.toPrecision(6));
  }
  if (typeof x === "function") return "[function]";
  if (typeof x === "bigint") return String(x);
  if (x === null || typeof x !== "object") return x;
  if (seen.has(x)) return "[cycle]";
  seen.add(x);
  const arr = ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>) : x;
  if (Array.isArray(arr)) {
    // Long arrays (curves, samples, images) are summarised: their length, ends and sums.
    if (arr.length > 64) {
      const leaves = arr.flat(Infinity).filter((v): v is number => typeof v === "number");
      return {
        length: arr.length,
        head: arr.slice(0, 6).map((v) => normalise(v, seen)),
        tail: arr.slice(-3).map((v) => normalise(v, seen)),
        sum: normalise(leaves.reduce((s, v) => s + v, 0)),
        sumAbs: normalise(leaves.reduce((s, v) => s + Math.abs(v), 0)),
      };
    }
    return arr.map((v) => normalise(v, seen));
  }
  if (x instanceof Map) return normalise(Object.fromEntries(x), seen);
  if (x instanceof Set) return normalise([...x], seen);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(x).sort())
    out[k] = normalise((x as Record<string, unknown>)[k], seen);
  return out;
}

function badReadouts(readouts: Readout[]): string[] {
  return readouts
    .filter((r) => hasNonFinite(r) || (r.value === null && !r.why))
    .map(
      (r) => `${r.name}=${JSON.stringify(r.value)}${r.value === null ? " (null without why)" : ""}`,
    );
}

// ---- The registry itself ----

describe("the registry", () => {
  test("finds at least one scene, so the loops below are not empty", () => {
    expect(loaded.length).toBeGreaterThan(0);
    expect(sceneMetas.length).toBeGreaterThan(0);
  });

  test("lists each meta.ts once, with unique ids", () => {
    const ids = sceneMetas.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...metaByFolder.values()].map((m) => m.id).sort());
  });

  test("every scene folder is complete: meta.ts, scene.ts, main.ts and index.html", () => {
    const folders = readdirSync(scenesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const incomplete = folders.flatMap((f) => {
      const missing = ["meta.ts", "scene.ts", "main.ts", "index.html"].filter(
        (file) => !existsSync(new URL(`${f}/${file}`, scenesDir)),
      );
      return missing.length ? [`${f}: missing ${missing.join(", ")}`] : [];
    });
    expect(incomplete).toEqual([]);
  });
});

describe("the SCENES.md parser", () => {
  test("reads a Readouts sentence across lines, inside parentheses, up to its full stop", () => {
    expect(catalog.get("linear-map")).toEqual([
      "lambda1",
      "lambda2",
      "lambda-im",
      "det",
      "trace",
      "eig-product",
      "eig-sum",
      "eigvec1",
      "eigvec2",
      "eigvec-dot",
    ]);
    expect(catalog.get("gradient")).toEqual(["grad", "grad-norm", "next-point"]);
  });

  test("expands numbered ranges and keeps names with capitals", () => {
    expect(catalog.get("linear-map-3d")).toEqual([
      "det",
      "trace",
      "rank",
      "lambda1",
      "lambda2",
      "lambda3",
      "volume",
    ]);
    expect(catalog.get("backprop")).toContain("dL-dw-autodiff");
    expect(catalog.get("gd-surface")).toContain("L");
  });

  test("a scene without a Readouts line promises none", () => {
    expect(catalog.get("optimizers")).toEqual([]);
  });
});

// ---- Every scene ----

for (const { id, scene, error } of loaded) {
  describe(`scene ${id}`, () => {
    test("its module loads and default-exports a scene", () => {
      expect(error).toBeNull();
      expect(typeof scene?.model).toBe("function");
      expect(typeof scene?.readouts).toBe("function");
      expect(typeof scene?.mount).toBe("function");
      expect(typeof scene?.describe).toBe("function");
    });
    if (!scene) return;
    const schema = scene.params as Schema;
    const presetNames = Object.keys(scene.presets);

    test("meta matches meta.ts, and the id is the folder name", () => {
      expect(scene.meta).toEqual(metaByFolder.get(id));
      expect(scene.meta.id).toBe(id);
      expect(SECTIONS.map((s) => s.id)).toContain(scene.meta.section);
      expect(scene.meta.title.trim().length).toBeGreaterThan(0);
      expect(scene.meta.summary.trim()).toMatch(/\S.*[.!?]$/);
    });

    test("the schema is sane: names, ranges, steps, defaults, options, points", () => {
      const problems: string[] = [];
      const bad = (key: string, what: string) => problems.push(`${key}: ${what}`);
      expect(Object.keys(schema).length).toBeGreaterThan(0);
      for (const k of sharedKeyClash(schema)) bad(k, "uses a shared URL key's name");
      for (const [key, spec] of Object.entries(schema)) {
        if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) bad(key, "is not a short camelCase name");
        if (!spec.label?.trim()) bad(key, "has no label");
        if (spec.kind === "number" || spec.kind === "int") {
          const step = stepOf(spec);
          if (!(Number.isFinite(spec.min) && Number.isFinite(spec.max) && spec.min < spec.max))
            bad(key, `range ${spec.min} … ${spec.max} is not min < max`);
          if (!(step > 0 && Number.isFinite(step))) bad(key, `step ${step} is not positive`);
          if (spec.log && !(spec.min > 0)) bad(key, "is log-scaled but min ≤ 0");
          if (spec.kind === "int" && ![spec.min, spec.max, step].every(Number.isInteger))
            bad(key, "is an int with a non-integer min, max or step");
          if (!(spec.default >= spec.min && spec.default <= spec.max))
            bad(key, `default ${spec.default} is outside ${spec.min} … ${spec.max}`);
          if (coerce(key, spec, spec.default).value !== spec.default)
            bad(
              key,
              `default ${spec.default} is not on the step grid (step ${step} from ${spec.min})`,
            );
          if (coerce(key, spec, spec.max).value !== spec.max)
            bad(key, `max ${spec.max} is not on the step grid, so no slider reaches it`);
        } else if (spec.kind === "choice") {
          if (spec.options.length === 0) bad(key, "has no options");
          if (new Set(spec.options).size !== spec.options.length) bad(key, "repeats an option");
          if (!spec.options.includes(spec.default))
            bad(key, `default ${spec.default} is not an option`);
        } else if (spec.kind === "seed") {
          if (!(Number.isInteger(spec.default) && spec.default >= 0 && spec.default <= SEED_MAX))
            bad(key, `seed default ${spec.default} is not an integer in 0 … ${SEED_MAX}`);
        } else if (typeof spec.default !== "boolean") bad(key, "boolean default is not a boolean");
      }
      for (const [point, [x, y]] of Object.entries(pointsOf(schema)))
        if (!x || !y) bad(point, "is a point with only one axis");
      expect(problems).toEqual([]);
    });

    test("has presets, and every preset names real params with valid values", () => {
      expect(presetNames.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const [name, preset] of Object.entries(scene.presets as Record<string, Params>)) {
        if (!/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(name))
          problems.push(`${name}: not a kebab-case name`);
        for (const [key, value] of Object.entries(preset)) {
          const spec = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
          if (!spec) {
            problems.push(`${name}.${key}: no such param`);
            continue;
          }
          const { value: used, correction } = coerce(key, spec, value);
          if (correction || used !== value)
            problems.push(
              `${name}.${key}=${JSON.stringify(value)}: ${correction?.reason ?? "changed"}`,
            );
        }
      }
      expect(problems).toEqual([]);
    });

    test("every drill's numeric answers are finite and its preset exists", () => {
      const problems: string[] = [];
      for (const d of scene.drills ?? []) {
        if (d.preset !== undefined && !presetNames.includes(d.preset))
          problems.push(`${d.id}: preset ${d.preset} does not exist`);
        if (!d.question.trim()) problems.push(`${d.id}: no question`);
        if (typeof d.answer() !== "string") problems.push(`${d.id}: answer() is not text`);
        for (const f of d.fields ?? []) {
          const v = f.value();
          if (!Number.isFinite(v)) problems.push(`${d.id}/${f.label}: value ${v} is not finite`);
          if (!(f.tol >= 0 && Number.isFinite(f.tol))) problems.push(`${d.id}/${f.label}: bad tol`);
        }
      }
      expect(problems).toEqual([]);
    });

    for (const name of presetNames) {
      describe(`preset ${name}`, () => {
        const base = presetBase(schema, scene.presets, name) as Params;

        test("survives a URL round trip, alone and with every param moved to its max", () => {
          const noShared = {
            embed: false,
            gui: "open" as const,
            hide: [],
            theme: null,
            autoplay: false,
            clock: null,
          };
          const q = serializeUrl(schema, scene.presets, name, base, noShared);
          const back = parseUrl(schema, scene.presets, new URLSearchParams(q));
          expect(back).toEqual({ params: base, preset: name, shared: noShared, corrections: [] });
          const moved: Params = { ...base };
          for (const [key, spec] of Object.entries(schema)) {
            if (spec.kind === "number" || spec.kind === "int")
              moved[key] = coerce(key, spec, spec.max).value;
            else if (spec.kind === "boolean") moved[key] = !base[key];
            else if (spec.kind === "choice") moved[key] = spec.options.at(-1)!;
            else moved[key] = 4242;
          }
          const q2 = serializeUrl(schema, scene.presets, name, moved, noShared);
          expect(parseUrl(schema, scene.presets, new URLSearchParams(q2)).params).toEqual(moved);
        });

        test("its model is deterministic: the same params give the same model and readouts", () => {
          const a = run(scene, base);
          const b = run(scene, { ...base });
          expect(normalise(b.model)).toEqual(normalise(a.model));
          expect(b.readouts).toEqual(a.readouts);
        });

        test("its readouts are well-formed and finite (an undefined value says why)", () => {
          const { readouts } = run(scene, base);
          const names = readouts.map((r) => r.name);
          expect(new Set(names).size).toBe(names.length);
          for (const r of readouts) {
            expect(r.name).toMatch(/^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/);
            expect(r.label.trim().length).toBeGreaterThan(0);
            const v = r.value;
            const shapeOk =
              v === null ||
              typeof v === "number" ||
              typeof v === "string" ||
              (Array.isArray(v) && v.every((x) => typeof x === "number"));
            expect(shapeOk, `${r.name} has a value of an unknown shape`).toBe(true);
          }
          expect(badReadouts(readouts)).toEqual([]);
        });

        test("its readouts include every name SCENES.md lists for the scene", () => {
          const names = run(scene, base).readouts.map((r) => r.name);
          const missing = (catalog.get(id) ?? []).filter((n) => !names.includes(n));
          expect(missing).toEqual([]);
        });

        test("every number and int param at its min and at its max gives finite readouts", () => {
          const problems: string[] = [];
          for (const [key, spec] of Object.entries(schema)) {
            if (spec.kind !== "number" && spec.kind !== "int") continue;
            for (const end of [spec.min, spec.max]) {
              try {
                const bad = badReadouts(run(scene, { ...base, [key]: end }).readouts);
                if (bad.length) problems.push(`${key}=${end}: ${bad.join(", ")}`);
              } catch (e) {
                problems.push(`${key}=${end}: model or readouts threw ${String(e)}`);
              }
            }
          }
          expect(problems).toEqual([]);
        });

        test("its model and readouts match the snapshot", () => {
          const { model, readouts } = run(scene, base);
          expect(
            normalise({
              readouts: Object.fromEntries(readouts.map((r) => [r.name, r.value])),
              model,
            }),
          ).toMatchSnapshot();
        });
      });
    }
  });
}
