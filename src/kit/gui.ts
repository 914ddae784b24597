// The lil-gui panel, built from the param schema alone: sliders (log-scaled where asked), toggles,
// dropdowns, folders by group, visibility rules, `hide=` flags and tick marks such as 1/L and 2/L.
// Never lil-gui's save()/load() (they key by label) or listen() (an idle loop): the runtime calls
// sync() after each change instead.
import GUI, { type Controller } from "lil-gui";
import { formatNumber } from "./format";
import { coerce } from "./params";
import { stepOf, type ParamSpec, type ParamValue, type Schema } from "./schema";

export interface GuiHandle {
  sync(params: Record<string, ParamValue>, preset: string): void;
  /** The element holding the panel (for tests and focus). */
  element: HTMLElement;
  destroy(): void;
}

interface Entry {
  key: string;
  spec: ParamSpec;
  controller: Controller;
  proxy: Record<string, unknown>;
  marks?: HTMLElement;
  /** What the marks show now (they are rebuilt only when it changes). */
  marksKey?: string;
}

const LOG_STEPS = 1000;

function isLog(spec: ParamSpec): boolean {
  return (spec.kind === "number" || spec.kind === "int") && !!spec.log && spec.min > 0;
}

/** Position of a value along a slider, 0…1, on the slider's own (linear or log) scale. */
export function sliderFraction(spec: ParamSpec, v: number): number {
  if (spec.kind !== "number" && spec.kind !== "int") return 0;
  if (isLog(spec))
    return (Math.log(v) - Math.log(spec.min)) / (Math.log(spec.max) - Math.log(spec.min));
  return (v - spec.min) / (spec.max - spec.min);
}

export function buildGui(opts: {
  container: HTMLElement;
  schema: Schema;
  presets: string[];
  hidden: readonly string[];
  onChange: (partial: Record<string, ParamValue>) => void;
  onPreset: (name: string) => void;
  onNewSeed: () => void;
}): GuiHandle {
  const gui = new GUI({ container: opts.container, title: "Controls", injectStyles: false });
  const entries: Entry[] = [];
  // Controls that belong to a param (the reseed button of a seed) and show and hide with it.
  const companions = new Map<string, Controller>();
  const folders = new Map<string, GUI>();
  const presetProxy = { preset: opts.presets[0] };
  let presetCtl: Controller | null = null;
  if (opts.presets.length > 1) {
    presetCtl = gui
      .add(presetProxy, "preset", opts.presets)
      .name("preset")
      .onChange((name: string) => opts.onPreset(name));
  }

  for (const [key, spec] of Object.entries(opts.schema)) {
    const parent = spec.group
      ? (folders.get(spec.group) ??
        folders.set(spec.group, gui.addFolder(spec.group)).get(spec.group)!)
      : gui;
    const proxy: Record<string, unknown> = { [key]: spec.default };
    let controller: Controller;
    if (spec.kind === "boolean") {
      controller = parent.add(proxy, key).onChange((v: boolean) => opts.onChange({ [key]: v }));
    } else if (spec.kind === "choice") {
      const labels: Record<string, string> = {};
      for (const o of spec.options) labels[spec.optionLabels?.[o] ?? o] = o;
      controller = parent
        .add(proxy, key, labels)
        .onChange((v: string) => opts.onChange({ [key]: v }));
    } else if (spec.kind === "seed") {
      controller = parent
        .add(proxy, key)
        .step(1)
        .onFinishChange((v: number) => opts.onChange({ [key]: v }));
      companions.set(key, parent.add({ reseed: opts.onNewSeed }, "reseed").name("new random seed"));
    } else if (isLog(spec)) {
      const lo = Math.log10(spec.min);
      const hi = Math.log10(spec.max);
      proxy[key] = Math.log10(spec.default);
      controller = parent.add(proxy, key, lo, hi, (hi - lo) / LOG_STEPS).onChange((u: number) => {
        opts.onChange({ [key]: coerce(key, spec, 10 ** u).value });
      });
      // The text box shows and takes the real value, not its logarithm.
      const input = controller.$widget.querySelector("input");
      if (input) {
        input.addEventListener("input", (e) => e.stopImmediatePropagation(), { capture: true });
        input.addEventListener("change", () => {
          opts.onChange({ [key]: coerce(key, spec, input.value).value });
        });
      }
    } else {
      controller = parent
        .add(proxy, key, spec.min, spec.max, stepOf(spec))
        .onChange((v: number) => opts.onChange({ [key]: v }));
    }
    controller.name(spec.label);
    controller.domElement.dataset.param = key;
    const entry: Entry = { key, spec, controller, proxy };
    if ((spec.kind === "number" || spec.kind === "int") && spec.marks) {
      const slider = controller.$widget.querySelector(".lil-slider");
      if (slider) {
        entry.marks = document.createElement("div");
        entry.marks.className = "lg-slider-marks";
        entry.marks.setAttribute("aria-hidden", "true");
        slider.appendChild(entry.marks);
      }
    }
    // Sliders are reachable by keyboard through their number box; label it for screen readers.
    const input = controller.$widget.querySelector("input, select");
    input?.setAttribute("aria-label", spec.label);
    if (opts.hidden.includes(key)) controller.hide();
    entries.push(entry);
  }

  return {
    element: gui.domElement,
    // Only what changed is written: lil-gui's updateDisplay() rewrites its select and text even
    // when equal, and each such write costs the page a style and layout pass per change.
    sync(params, preset) {
      if (presetCtl && presetProxy.preset !== preset) {
        presetProxy.preset = preset;
        presetCtl.updateDisplay();
      }
      for (const e of entries) {
        const v = params[e.key];
        const shown = isLog(e.spec) ? Math.log10(v as number) : v;
        // The proxy differs whenever the person or lil-gui wrote a value we then corrected.
        if (!Object.is(e.proxy[e.key], shown)) {
          e.proxy[e.key] = shown;
          e.controller.updateDisplay();
        }
        if (isLog(e.spec)) {
          const input = e.controller.$widget.querySelector("input");
          const text = formatNumber(v as number, 4)
            .replace("\u2212", "-")
            .replace(/\u2009/g, "");
          if (input && document.activeElement !== input && input.value !== text) input.value = text;
        }
        const visible = !opts.hidden.includes(e.key) && (e.spec.visibleWhen?.(params) ?? true);
        if (e.controller._hidden === visible) {
          e.controller.show(visible);
          companions.get(e.key)?.show(visible);
        }
        if (e.marks && (e.spec.kind === "number" || e.spec.kind === "int") && e.spec.marks) {
          const marks = e.spec.marks(params).flatMap((m) => {
            const f = sliderFraction(e.spec, m.value);
            return f >= 0 && f <= 1 ? [{ f, label: m.label }] : [];
          });
          const key = marks.map((m) => `${m.f}:${m.label}`).join("|");
          if (key === e.marksKey) continue;
          e.marksKey = key;
          e.marks.replaceChildren();
          for (const m of marks) {
            const tick = document.createElement("div");
            tick.className = "lg-slider-mark";
            tick.style.left = `${m.f * 100}%`;
            const label = document.createElement("span");
            label.textContent = m.label;
            tick.appendChild(label);
            e.marks.appendChild(tick);
          }
        }
      }
      // A folder whose every control is hidden is hidden too.
      for (const f of folders.values()) {
        f.show(f.controllers.some((c) => !c._hidden));
      }
    },
    destroy() {
      gui.destroy();
    },
  };
}
