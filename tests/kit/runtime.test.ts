// @vitest-environment jsdom
// The runtime (src/kit/runtime.ts) in jsdom: a small fake scene booted into a container, driven
// through the JS API and the keys, fed hostile URLs, then disposed. It must render readouts as
// <output data-readout data-value>, say what it corrected as text (never HTML), and leave no node
// or listener behind.
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { humanValue, machineValue, type Readout } from "../../src/kit/format";
import { boot, type LegibleApi } from "../../src/kit/runtime";
import { bool, choice, int, num, seed, type ParamsOf } from "../../src/kit/schema";
import { defineScene, type SceneCtx } from "../../src/kit/scene";
import linearMap from "../../scenes/linear-map/scene";
import { contexts, installDomStubs, nextFrame, trackListeners } from "./dom";

beforeAll(installDomStubs);

const params = {
  a: num({ label: "a", min: 0, max: 10, step: 0.5, default: 2 }),
  k: int({ label: "k", min: 1, max: 20, default: 3 }),
  mode: choice({ label: "mode", options: ["plain", "fancy"], default: "plain" }),
  show: bool({ label: "show", default: true }),
  seed: seed({ default: 5 }),
};
type P = ParamsOf<typeof params>;
interface M {
  sq: number;
  seen: number;
}

/** What the fake view saw, so a test can tell whether the runtime drew. */
const views: { updates: P[]; disposed: boolean; frames: number[]; onResize: () => void }[] = [];

const fake = defineScene({
  meta: { id: "fake", title: "Fake", section: "calculus", summary: "A scene for tests." },
  params,
  presets: { base: {}, big: { a: 8, mode: "fancy" } },
  animated: true,
  model(p, env): M {
    // A model that throws on valid params is a bug the runtime must survive (k = 13 stands for it).
    if (p.k === 13) throw new RangeError("thirteen is unlucky");
    return { sq: p.a * p.a, seen: env.seed };
  },
  readouts(m, p): Readout[] {
    return [
      { name: "square", label: "a²", value: m.sq },
      { name: "vec", label: "v", value: [p.a, -p.a] },
      { name: "status", label: "size", value: p.a > 5 ? "big" : "small" },
      { name: "inverse", label: "1/a", value: p.a === 0 ? null : 1 / p.a, why: "a is zero" },
      { name: "seed-seen", label: "seed", value: m.seen },
    ];
  },
  describe: (m) => `a squared is ${m.sq}`,
  mount(host: HTMLElement, ctx: SceneCtx<typeof params>) {
    const box = document.createElement("div");
    box.dataset.fakeView = "";
    const canvas = document.createElement("canvas");
    box.append(canvas);
    host.append(box);
    const g = canvas.getContext("2d")!;
    const record = {
      updates: [] as P[],
      disposed: false,
      frames: [] as number[],
      onResize: () => {},
    };
    record.onResize = () => ctx.invalidate();
    window.addEventListener("resize", record.onResize);
    views.push(record);
    return {
      update(p: P, m: M) {
        record.updates.push(p);
        g.fillRect(0, 0, m.sq, p.a);
      },
      frame(t: number) {
        record.frames.push(t);
      },
      dispose() {
        window.removeEventListener("resize", record.onResize);
        box.remove();
        record.disposed = true;
      },
    };
  },
});

let root: HTMLElement;
let api: LegibleApi | null = null;
function start(search = "", global = false, scene = fake): LegibleApi {
  root = document.createElement("div");
  document.body.append(root);
  api = boot(scene, { root, search, global });
  return api;
}
const outputs = () =>
  Object.fromEntries(
    [...root.querySelectorAll<HTMLOutputElement>("output[data-readout]")].map((o) => [
      o.dataset.readout,
      o.dataset.value,
    ]),
  );
const notices = () => [...root.querySelectorAll<HTMLElement>("[data-notice]")];
const key = (k: string, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));

afterEach(() => {
  api?.debug.dispose();
  api = null;
  root?.remove();
  delete (window as { __pwned?: unknown }).__pwned;
  delete window.legible;
});

describe("boot", () => {
  test("resolves ready after the first frame and renders every readout as an output", async () => {
    const legible = start();
    await legible.ready;
    const view = views.at(-1)!;
    expect(view.updates.length).toBeGreaterThanOrEqual(1);
    const expected = fake.readouts(fake.model(defaults(), { seed: 5 }), defaults());
    const outs = [...root.querySelectorAll<HTMLOutputElement>("output[data-readout]")];
    expect(outs.map((o) => o.dataset.readout)).toEqual(expected.map((r) => r.name));
    for (const r of expected) {
      const out = outs.find((o) => o.dataset.readout === r.name)!;
      expect(out.dataset.value).toBe(machineValue(r.value));
      expect(out.textContent).toBe(humanValue(r));
    }
    expect(outputs()).toMatchObject({
      square: "4",
      vec: "2,-2",
      status: "small",
      "seed-seen": "5",
    });
  });

  test("builds the page: header, stage with the view, panel, footer and help", async () => {
    await start().ready;
    expect(root.querySelector("header h1")?.textContent).toBe("Fake");
    expect(root.querySelector("#lg-stage [data-fake-view]")).not.toBeNull();
    expect(root.querySelector(".lg-gui [data-param='a']")).not.toBeNull();
    expect(root.querySelector("footer")).not.toBeNull();
    expect(root.querySelector("dialog.lg-help")).not.toBeNull();
    expect(document.title).toBe("Fake — Legible");
  });

  test("a preset in the URL applies, and explicit params override it", async () => {
    const legible = start("?preset=big&a=1.5");
    await legible.ready;
    expect(legible.params()).toMatchObject({ a: 1.5, mode: "fancy" });
    expect(notices()).toHaveLength(0);
  });

  test("embed=1 marks the page so the chrome hides, and gui=hidden hides the panel", async () => {
    await start("?embed=1&gui=hidden").ready;
    expect(document.body.classList.contains("lg-embed")).toBe(true);
    expect(document.body.classList.contains("lg-gui-hidden")).toBe(true);
  });

  test("hide= hides those controls", async () => {
    await start("?hide=a,k").ready;
    expect(root.querySelector<HTMLElement>("[data-param='a']")!.style.display).toBe("none");
    expect(root.querySelector<HTMLElement>("[data-param='mode']")!.style.display).not.toBe("none");
  });
});

function defaults(): P {
  return { a: 2, k: 3, mode: "plain", show: true, seed: 5 };
}

describe("the JS API", () => {
  test("params() is a copy: changing it changes nothing", async () => {
    const legible = start();
    await legible.ready;
    const p = legible.params();
    p.a = 9;
    expect(legible.params().a).toBe(2);
  });

  test("set() changes the params, the readouts and, on the next frame, the outputs", async () => {
    const legible = start();
    await legible.ready;
    legible.set({ a: 3, mode: "fancy" });
    expect(legible.params()).toMatchObject({ a: 3, mode: "fancy" });
    expect(legible.readouts()).toMatchObject({ square: "9", vec: "3,-3" });
    await nextFrame();
    expect(outputs()).toMatchObject({ square: "9", vec: "3,-3" });
    expect(root.querySelector("output[data-readout='square']")?.textContent).toBe("9");
  });

  test("several set() calls in one frame draw once", async () => {
    const legible = start();
    await legible.ready;
    const view = views.at(-1)!;
    const before = view.updates.length;
    legible.set({ a: 3 });
    legible.set({ a: 4 });
    legible.set({ a: 5 });
    await nextFrame();
    expect(view.updates.length).toBe(before + 1);
    expect(view.updates.at(-1)!.a).toBe(5);
  });

  test("the seed reaches the model through its environment", async () => {
    const legible = start("?seed=123");
    await legible.ready;
    expect(legible.readouts()["seed-seen"]).toBe("123");
  });

  test("an undefined readout shows why, and data-value says undefined", async () => {
    const legible = start("?a=0");
    await legible.ready;
    const out = root.querySelector<HTMLOutputElement>("output[data-readout='inverse']")!;
    expect(out.dataset.value).toBe("undefined");
    expect(out.parentElement?.textContent).toContain("a is zero");
  });

  test("reset() restores the preset", async () => {
    const legible = start("?preset=big");
    await legible.ready;
    legible.set({ a: 1, mode: "plain" });
    legible.reset();
    expect(legible.params()).toMatchObject({ a: 8, mode: "fancy" });
  });

  test("a model that throws falls back to the preset, with a notice", async () => {
    const legible = start();
    await legible.ready;
    legible.set({ k: 13 });
    await nextFrame();
    expect(legible.params().k).toBe(3);
    expect(
      notices()
        .map((n) => n.textContent)
        .join(" "),
    ).toContain("thirteen is unlucky");
  });

  test("global: true installs window.legible and writes the URL after a change", async () => {
    const replace = vi.spyOn(history, "replaceState");
    const legible = start("", true);
    expect(window.legible).toBe(legible);
    await legible.ready;
    legible.set({ a: 4.5 });
    await nextFrame();
    await new Promise((r) => setTimeout(r, 400));
    expect(replace).toHaveBeenCalled();
    expect(String(replace.mock.calls.at(-1)![2])).toMatch(/\?a=4\.5$/);
    replace.mockRestore();
  });

  test("while a slider keeps moving the URL waits, then is written once with the last value", async () => {
    const legible = start("", true);
    await legible.ready;
    await new Promise((r) => setTimeout(r, 400));
    const replace = vi.spyOn(history, "replaceState");
    for (const a of [1, 2, 3, 4, 5, 6]) {
      legible.set({ a });
      await nextFrame();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(replace).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 400));
    expect(replace).toHaveBeenCalledTimes(1);
    expect(String(replace.mock.calls[0][2])).toMatch(/\?a=6$/);
    replace.mockRestore();
  });

  test("a pending URL is written as soon as the tab is hidden", async () => {
    const legible = start("", true);
    await legible.ready;
    await new Promise((r) => setTimeout(r, 400));
    const replace = vi.spyOn(history, "replaceState");
    legible.set({ a: 7 });
    await nextFrame();
    const hidden = vi.spyOn(document, "hidden", "get").mockReturnValue(true);
    document.dispatchEvent(new Event("visibilitychange"));
    expect(replace).toHaveBeenCalledTimes(1);
    expect(String(replace.mock.calls[0][2])).toMatch(/\?a=7$/);
    hidden.mockRestore();
    replace.mockRestore();
  });

  test("global: false leaves window.legible alone", async () => {
    await start("", false).ready;
    expect(window.legible).toBeUndefined();
  });
});

describe("bad values", () => {
  test("an out-of-range value is clamped and a notice says so in words", async () => {
    const legible = start();
    await legible.ready;
    legible.set({ a: 99 });
    expect(legible.params().a).toBe(10);
    expect(notices()).toHaveLength(1);
    expect(notices()[0].textContent).toContain("a: “99” outside 0 … 10; using 10.");
  });

  test("markup given to set() is shown as text and never becomes an element", async () => {
    const legible = start();
    await legible.ready;
    const imgs = document.querySelectorAll("img").length;
    legible.set({ a: "<img src=x onerror=window.__pwned=1>", mode: "<b>x</b>" });
    expect(legible.params()).toMatchObject({ a: 2, mode: "plain" });
    const text = notices()[0].textContent ?? "";
    expect(text).toContain("<img src=x onerror=wind");
    expect(text).toContain("<b>x</b>");
    expect(document.querySelectorAll("img").length).toBe(imgs);
    expect(notices()[0].querySelector("b, img")).toBeNull();
  });

  test("unknown keys given to set() are ignored and named in the notice", async () => {
    const legible = start();
    await legible.ready;
    legible.set({ nope: 1, a: 3 });
    expect(legible.params().a).toBe(3);
    expect(notices()[0].textContent).toContain("Ignored unknown parameter: nope.");
  });

  test("a hostile URL is corrected with one notice, draws anyway, and runs nothing", async () => {
    const legible = start(
      '?a=<img src=x onerror=window.__pwned=1>&theme="><script>window.__pwned=1</script>&k=1e309',
    );
    await legible.ready;
    await new Promise((r) => setTimeout(r, 20));
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(root.querySelectorAll("img, script")).toHaveLength(0);
    expect(notices()).toHaveLength(1);
    const lines = [...notices()[0].querySelectorAll("li")].map((li) => li.textContent);
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).toMatch(/^a: “<img src=x/m);
    expect(legible.params()).toMatchObject({ a: 2, k: 3 });
    expect(views.at(-1)!.updates.length).toBeGreaterThanOrEqual(1);
  });

  test("a notice can be dismissed, and at most three stay", async () => {
    const legible = start();
    await legible.ready;
    for (let i = 0; i < 5; i++) legible.set({ a: 50 + i });
    expect(notices()).toHaveLength(3);
    notices()[0].querySelector("button")!.click();
    expect(notices()).toHaveLength(2);
  });
});

describe("keys", () => {
  test("T cycles the theme light → dark → projector → light", async () => {
    await start("?theme=light").ready;
    const theme = () => document.documentElement.dataset.theme;
    expect(theme()).toBe("light");
    key("t");
    expect(theme()).toBe("dark");
    key("T");
    expect(theme()).toBe("projector");
    key("t");
    expect(theme()).toBe("light");
  });

  test("G shows and hides the panel", async () => {
    await start().ready;
    key("g");
    expect(document.body.classList.contains("lg-side-hidden")).toBe(true);
    key("g");
    expect(document.body.classList.contains("lg-side-hidden")).toBe(false);
  });

  test("? opens the help and ? closes it", async () => {
    await start().ready;
    const help = root.querySelector<HTMLDialogElement>("dialog.lg-help")!;
    key("?");
    expect(help.open).toBe(true);
    key("?");
    expect(help.open).toBe(false);
  });

  test("→ steps the animation and Space plays and pauses it", async () => {
    const legible = start();
    await legible.ready;
    const view = views.at(-1)!;
    key("ArrowRight");
    expect(view.frames).toEqual([0.25]);
    key(" ");
    expect(legible.debug.playing()).toBe(true);
    key(" ");
    expect(legible.debug.playing()).toBe(false);
  });

  test("keys typed into a control or with a modifier do nothing", async () => {
    await start("?theme=light").ready;
    const input = root.querySelector<HTMLInputElement>("[data-param='a'] input")!;
    key("t", input);
    document.body.dispatchEvent(
      new KeyboardEvent("keydown", { key: "t", ctrlKey: true, bubbles: true }),
    );
    expect(document.documentElement.dataset.theme).toBe("light");
  });
});

describe("dispose", () => {
  test("leaves no node, class or listener behind, and stops drawing", async () => {
    const docListeners = trackListeners(document);
    const winListeners = trackListeners(window);
    const bodyChildren = document.body.children.length;
    try {
      const legible = start("?embed=1", true);
      await legible.ready;
      expect(docListeners.live().length).toBeGreaterThan(0);
      expect(winListeners.live().length).toBeGreaterThan(0);
      const view = views.at(-1)!;
      legible.debug.dispose();
      expect(view.disposed).toBe(true);
      expect([...root.childNodes].map((n) => n.nodeName)).toEqual([]);
      // Nothing was added to the page beside the container the test made.
      expect([...document.body.children].filter((c) => c !== root)).toHaveLength(bodyChildren);
      expect([...document.body.classList].filter((c) => c.startsWith("lg-"))).toEqual([]);
      expect(docListeners.live()).toEqual([]);
      expect(winListeners.live()).toEqual([]);
      const drawn = view.updates.length;
      legible.set({ a: 7 });
      await nextFrame();
      expect(view.updates.length).toBe(drawn);
    } finally {
      docListeners.restore();
      winListeners.restore();
    }
  });

  test("is safe to call twice", async () => {
    const legible = start();
    await legible.ready;
    legible.debug.dispose();
    expect(() => legible.debug.dispose()).not.toThrow();
  });
});

describe("linear-map in the runtime", () => {
  test("boots, renders its readouts and disposes cleanly", async () => {
    const docListeners = trackListeners(document);
    const winListeners = trackListeners(window);
    try {
      contexts.length = 0;
      const legible = start("?preset=rotation", false, linearMap as never);
      await legible.ready;
      const names = Object.keys(legible.readouts());
      expect(names).toContain("lambda1");
      expect(Object.keys(outputs())).toEqual(names);
      expect(outputs()).toEqual(legible.readouts());
      expect(root.querySelector("#lg-stage svg")).not.toBeNull();
      for (const text of [...root.querySelectorAll("output")].map((o) => o.textContent))
        expect(text).not.toMatch(/NaN|Infinity/);
      legible.set({ a11: 3, a22: -3 });
      await nextFrame();
      expect(outputs()).toEqual(legible.readouts());
      for (const c of contexts) expect(c.nonFinite).toEqual([]);
      legible.debug.dispose();
      expect(root.childNodes).toHaveLength(0);
      expect(docListeners.live()).toEqual([]);
      expect(winListeners.live()).toEqual([]);
    } finally {
      docListeners.restore();
      winListeners.restore();
    }
  });
});
