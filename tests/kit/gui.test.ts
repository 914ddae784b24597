// @vitest-environment jsdom
// The panel built from the schema alone (src/kit/gui.ts): one control per param, folders by group,
// hide= flags, visibility rules, a log slider that shows the real value, and snapping that agrees
// with lil-gui's own, so a URL and a slider always land on the same number.
import fc from "fast-check";
import GUI from "lil-gui";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { buildGui, sliderFraction } from "../../src/kit/gui";
import { coerce } from "../../src/kit/params";
import { bool, choice, int, num, seed } from "../../src/kit/schema";
import { installDomStubs } from "./dom";

beforeAll(installDomStubs);

const schema = {
  eta: num({ label: "η (step size)", min: 0.001, max: 2, step: 0.001, default: 0.1, log: true }),
  x0: num({ label: "x₀", min: -3, max: 3, step: 0.01, default: 1.5, group: "start" }),
  y0: num({
    label: "y₀",
    min: -3,
    max: 3,
    step: 0.01,
    default: 0,
    group: "start",
    visibleWhen: (p) => p.f !== "ill",
  }),
  n: int({
    label: "n",
    min: 1,
    max: 100,
    default: 10,
    marks: () => [
      { value: 50, label: "half" },
      { value: 1000, label: "off the slider" },
    ],
  }),
  on: bool({ label: "on", default: true }),
  f: choice({
    label: "f",
    options: ["bowl", "ill"],
    optionLabels: { ill: "ill-conditioned" },
    default: "bowl",
  }),
  seed: seed(),
};

let container: HTMLElement;
function build(hidden: string[] = [], presets = ["default", "steep"]) {
  container = document.createElement("div");
  document.body.append(container);
  const onChange = vi.fn();
  const onPreset = vi.fn();
  const onNewSeed = vi.fn();
  const gui = buildGui({ container, schema, presets, hidden, onChange, onPreset, onNewSeed });
  const ctl = (key: string) => container.querySelector<HTMLElement>(`[data-param="${key}"]`)!;
  return { gui, onChange, onPreset, onNewSeed, ctl };
}
const shown = (e: HTMLElement) =>
  e.style.display !== "none" && !e.closest("[style*='display: none']");

afterEach(() => container?.remove());

describe("buildGui", () => {
  test("makes one control per param, labelled, with folders for groups", () => {
    const { ctl } = build();
    for (const [key, spec] of Object.entries(schema)) {
      expect(ctl(key), key).not.toBeNull();
      expect(ctl(key).textContent).toContain(spec.label);
    }
    const folders = [...container.querySelectorAll(".lil-title")].map((t) => t.textContent);
    expect(folders).toContain("start");
    expect(ctl("x0").closest(".lil-children")?.parentElement?.textContent).toContain("start");
  });

  test("offers a preset dropdown only when there is more than one preset", () => {
    build();
    const first = container.querySelector("select")!;
    expect([...first.options].map((o) => o.textContent)).toEqual(["default", "steep"]);
    container.remove();
    build([], ["default"]);
    expect(container.querySelectorAll("select").length).toBe(1); // only the choice param's
  });

  test("labels every input for screen readers", () => {
    const { ctl } = build();
    expect(ctl("x0").querySelector("input")?.getAttribute("aria-label")).toBe("x₀");
    expect(ctl("f").querySelector("select")?.getAttribute("aria-label")).toBe("f");
  });

  test("hide= hides those controls, and a folder whose controls are all hidden", () => {
    const { gui, ctl } = build(["x0", "y0"]);
    gui.sync({ eta: 0.1, x0: 0, y0: 0, n: 10, on: true, f: "bowl", seed: 1 }, "default");
    expect(shown(ctl("x0"))).toBe(false);
    expect(shown(ctl("y0"))).toBe(false);
    expect(shown(ctl("eta"))).toBe(true);
    const folder = ctl("x0").closest(".lil-gui:not(.lil-root):not(.root)") as HTMLElement;
    expect(folder.style.display).toBe("none");
  });

  test("visibleWhen follows the params on every sync", () => {
    const { gui, ctl } = build();
    const p = { eta: 0.1, x0: 0, y0: 0, n: 10, on: true, f: "bowl", seed: 1 };
    gui.sync(p, "default");
    expect(shown(ctl("y0"))).toBe(true);
    gui.sync({ ...p, f: "ill" }, "default");
    expect(shown(ctl("y0"))).toBe(false);
  });

  test("a choice shows its option labels and reports the option word", () => {
    const { ctl, onChange } = build();
    const select = ctl("f").querySelector("select")!;
    expect([...select.options].map((o) => o.textContent)).toEqual(["bowl", "ill-conditioned"]);
    select.selectedIndex = 1;
    select.dispatchEvent(new Event("change"));
    expect(onChange).toHaveBeenLastCalledWith({ f: "ill" });
  });

  test("the log slider's number box shows and takes the real value, not its logarithm", () => {
    const { gui, ctl, onChange } = build();
    gui.sync({ eta: 0.25, x0: 0, y0: 0, n: 10, on: true, f: "bowl", seed: 1 }, "default");
    const input = ctl("eta").querySelector("input")!;
    expect(input.value).toBe("0.25");
    input.value = "0.5";
    input.dispatchEvent(new Event("input"));
    input.dispatchEvent(new Event("change"));
    expect(onChange).toHaveBeenLastCalledWith({ eta: 0.5 });
    input.value = "99";
    input.dispatchEvent(new Event("change"));
    expect(onChange).toHaveBeenLastCalledWith({ eta: 2 });
  });

  test("sync moves the controls to the params and the preset dropdown to the preset", () => {
    const { gui, ctl } = build();
    gui.sync({ eta: 0.1, x0: -1.25, y0: 0, n: 42, on: false, f: "ill", seed: 9 }, "steep");
    expect(Number(ctl("x0").querySelector("input")!.value)).toBe(-1.25);
    expect(Number(ctl("n").querySelector("input")!.value)).toBe(42);
    expect(ctl("on").querySelector("input")!.checked).toBe(false);
    expect(container.querySelector<HTMLSelectElement>("select")!.value).toBe("steep");
  });

  test("slider marks are drawn where they fall on the slider, and only there", () => {
    const { gui, ctl } = build();
    gui.sync({ eta: 0.1, x0: 0, y0: 0, n: 10, on: true, f: "bowl", seed: 1 }, "default");
    const marks = ctl("n").querySelectorAll<HTMLElement>(".lg-slider-mark");
    expect(marks.length).toBe(1);
    expect(marks[0].textContent).toBe("half");
    expect(parseFloat(marks[0].style.left)).toBeCloseTo((100 * 49) / 99, 6);
  });

  test("a sync that changes nothing writes nothing to the panel", async () => {
    const { gui } = build();
    const p = { eta: 0.1, x0: -1, y0: 0, n: 10, on: true, f: "ill", seed: 1 };
    gui.sync(p, "steep");
    const seen: MutationRecord[] = [];
    const watch = new MutationObserver((r) => seen.push(...r));
    watch.observe(container, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    gui.sync({ ...p }, "steep");
    await Promise.resolve();
    expect(seen).toEqual([]);
    gui.sync({ ...p, x0: 2 }, "steep");
    await Promise.resolve();
    watch.disconnect();
    expect(seen.length).toBeGreaterThan(0);
  });

  test("a value the person typed and the runtime corrected is shown corrected", () => {
    const { gui, ctl } = build();
    const p = { eta: 0.1, x0: 3, y0: 0, n: 10, on: true, f: "bowl", seed: 1 };
    gui.sync(p, "default");
    const box = ctl("x0").querySelector("input")!;
    // lil-gui takes the typed value; the runtime clamps it back to the value it already had.
    box.value = "2.5";
    box.dispatchEvent(new Event("input"));
    expect(Number(box.value)).toBe(2.5);
    gui.sync(p, "default");
    expect(Number(box.value)).toBe(3);
    const eta = ctl("eta").querySelector("input")!;
    eta.value = "99";
    gui.sync(p, "default");
    expect(eta.value).toBe("0.1");
  });

  test("the seed control has a button that asks for a new seed", () => {
    const { onNewSeed } = build();
    const btn = [...container.querySelectorAll("button")].find((b) =>
      b.textContent?.includes("new random seed"),
    );
    btn!.click();
    expect(onNewSeed).toHaveBeenCalledTimes(1);
  });

  test("destroy removes the panel", () => {
    const { gui } = build();
    expect(container.children.length).toBe(1);
    gui.destroy();
    expect(container.children.length).toBe(0);
  });
});

describe("sliderFraction", () => {
  test("is linear on a linear slider and logarithmic on a log slider", () => {
    expect(sliderFraction(schema.x0, 0)).toBe(0.5);
    expect(sliderFraction(schema.eta, Math.sqrt(0.001 * 2))).toBeCloseTo(0.5, 12);
    expect(sliderFraction(schema.on, 1)).toBe(0);
  });
});

describe("snapping agrees with lil-gui", () => {
  test("for any value inside the range, coerce lands on the grid point lil-gui's slider lands on", () => {
    const gui = new GUI({ container: document.body, injectStyles: false });
    fc.assert(
      fc.property(
        fc.constantFrom(
          { min: -3, max: 3, step: 0.01 },
          { min: 0.05, max: 1, step: 0.1 },
          { min: 0, max: 1, step: 0.3 },
          { min: 1, max: 1000, step: 1 },
          { min: 0.001, max: 2, step: 0.001 },
          { min: -10, max: 10, step: 0.25 },
          { min: -5, max: 5, step: 0.0001 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ min, max, step }, t) => {
          const v = min + t * (max - min);
          const proxy = { v: min };
          const ctl = gui.add(proxy, "v", min, max, step) as unknown as {
            _snapClampSetValue(v: number): void;
            getValue(): number;
            destroy(): void;
          };
          ctl._snapClampSetValue(v);
          const spec = num({ label: "v", min, max, step, default: min });
          // The same grid point; the kit may drop a floating-point artifact lil-gui keeps.
          const kit = coerce("v", spec, v).value as number;
          expect(Math.abs(kit - ctl.getValue())).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(kit)),
          );
          ctl.destroy();
        },
      ),
      { seed: 77, numRuns: 300 },
    );
    gui.destroy();
  });
});
