// @vitest-environment jsdom
// The player's pause while a scene cannot be seen (src/kit/runtime.ts, "Visibility"): scrolled
// off-screen (the IntersectionObserver on the stage) or in a hidden tab (document.hidden), a
// playing scene runs no animation frame; back in view it plays on from where it stopped, its clock
// moving by one frame's time, not by the time it was away. The browser test
// (tests/e2e/quality.mjs, checkOffscreen) measures the pause in Chromium, where the runtime has no
// hook on its clock; here the clock is injected, so the step after returning is exact.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { boot, type LegibleApi } from "../../src/kit/runtime";
import { num } from "../../src/kit/schema";
import { defineScene } from "../../src/kit/scene";
import { installDomStubs, nextFrame } from "./dom";

/** Stands in for the browser's IntersectionObserver; `report` says whether the stage is in view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  targets: Element[] = [];
  constructor(private readonly cb: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  unobserve(): void {}
  disconnect(): void {
    this.targets = [];
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  static report(inView: boolean): void {
    for (const o of FakeObserver.all)
      if (o.targets.length)
        o.cb(
          o.targets.map(
            (target) => ({ target, isIntersecting: inView }) as IntersectionObserverEntry,
          ),
          o as unknown as IntersectionObserver,
        );
  }
}

/** Animation times the view was asked to draw, in order. */
let times: number[] = [];

const spinner = defineScene({
  meta: { id: "spinner", title: "Spinner", section: "calculus", summary: "Turns for ever." },
  params: { speed: num({ label: "speed", min: 0, max: 10, step: 0.5, default: 1 }) },
  presets: { base: {} },
  animated: true,
  model: (p) => ({ speed: p.speed }),
  readouts: (m) => [{ name: "speed", label: "speed", value: m.speed }],
  describe: () => "A spinner.",
  mount(host: HTMLElement) {
    const box = document.createElement("div");
    host.append(box);
    return {
      update() {},
      frame(t: number) {
        times.push(t);
        return false;
      },
      dispose() {
        box.remove();
      },
    };
  },
});

let clock = 0;
let root: HTMLElement;
let api: LegibleApi | null = null;

/** Moves the injected clock on by `ms` and lets one animation frame run. */
async function frameAfter(ms: number): Promise<void> {
  clock += ms;
  await nextFrame();
}

/** Boots the spinner and plays it for a few frames on screen. */
async function playing(): Promise<LegibleApi> {
  root = document.createElement("div");
  document.body.append(root);
  api = boot(spinner, { root, search: "", global: false, now: () => clock });
  await api.ready;
  api.play();
  for (let i = 0; i < 5; i++) await frameAfter(16);
  return api;
}

/** Whether the hidden-tab flag reads true; jsdom's own is always false. */
function setHidden(hidden: boolean): void {
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event("visibilitychange"));
}

beforeAll(() => {
  installDomStubs();
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
});

afterEach(() => {
  api?.debug.dispose();
  api = null;
  root?.remove();
  times = [];
  FakeObserver.all = [];
  delete (document as { hidden?: boolean }).hidden;
});

describe.each([
  {
    how: "scrolled off-screen",
    leave: () => FakeObserver.report(false),
    back: () => FakeObserver.report(true),
  },
  { how: "in a hidden tab", leave: () => setHidden(true), back: () => setHidden(false) },
])("a playing scene $how", ({ leave, back }) => {
  test("runs no animation frame until it can be seen again", async () => {
    const legible = await playing();
    expect(times.length).toBeGreaterThan(0);
    leave();
    // A frame already asked for may still land; after it, nothing.
    await frameAfter(16);
    const frames = legible.debug.frames();
    const ticks = legible.debug.ticks();
    const drawn = times.length;
    for (let i = 0; i < 10; i++) await frameAfter(1000);
    expect(legible.debug.frames()).toBe(frames);
    expect(legible.debug.ticks()).toBe(ticks);
    expect(times.length).toBe(drawn);
    expect(legible.debug.playing()).toBe(true);
  });

  test("plays on when seen again, its clock moving by one frame, not by the time it was away", async () => {
    const legible = await playing();
    leave();
    await frameAfter(16);
    const drawn = times.length;
    const stoppedAt = times[drawn - 1];
    await frameAfter(60000);
    back();
    for (let i = 0; i < 3; i++) await frameAfter(16);
    const after = times.slice(drawn);
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(after[0] - stoppedAt).toBeCloseTo(0.016, 9);
    expect(legible.debug.frames()).toBeGreaterThan(0);
  });
});
