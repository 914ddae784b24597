// An axis drawn as d3-axis draws it (a domain path, and a g.tick with a line and a label per
// tick, the same attributes and offsets), but updated in place: ticks are kept by value, and an
// attribute or a label is written only when it changed. d3-axis keys its ticks by pixel position
// and rewrites every attribute on each call, so a chart whose domain follows a slider replaced
// every tick on every step (hundreds of DOM writes, and the layout they cause, per frame).
import { setText } from "../kit/dom";
import type { Scale } from "./chart";
import { attrs, svg } from "./svg";

export interface AxisSpec {
  orient: "bottom" | "left";
  scale: Scale;
  values: readonly number[];
  /** The label of each value, in the same order ("" for a tick without one). */
  labels: readonly string[];
  color: string;
  fontSize: number;
}

interface Tick {
  g: SVGGElement;
  line: SVGLineElement;
  text: SVGTextElement;
}

interface AxisState {
  domain: SVGPathElement;
  ticks: Map<number, Tick>;
  /** The last value of every attribute written through `set`, by element. */
  written: WeakMap<Element, Record<string, string>>;
}

const TICK = 6;
const SPACING = TICK + 3;
const states = new WeakMap<SVGGElement, AxisState>();

/** Writes only the attributes whose value changed since the last write through this function. */
function set(st: AxisState, el: Element, values: Record<string, string | number>): void {
  let last = st.written.get(el);
  if (!last) st.written.set(el, (last = {}));
  for (const [k, v] of Object.entries(values)) {
    const s = String(v);
    if (last[k] === s) continue;
    last[k] = s;
    el.setAttribute(k, s);
  }
}

/** Draws (or updates) an axis into `g`, which the caller positions. */
export function renderAxis(g: SVGGElement, spec: AxisSpec): void {
  const bottom = spec.orient === "bottom";
  // As d3-axis: half a pixel on a 1× screen puts a 1 px line on a pixel, not across two.
  const offset = typeof window !== "undefined" && window.devicePixelRatio > 1 ? 0 : 0.5;
  let st = states.get(g);
  if (!st) {
    attrs(g, {
      fill: "none",
      "font-size": 10,
      "font-family": "sans-serif",
      "text-anchor": bottom ? "middle" : "end",
    });
    const domain = svg("path", { class: "domain" }, g);
    st = { domain, ticks: new Map(), written: new WeakMap() };
    states.set(g, st);
  }
  const range = spec.scale.range();
  const r0 = +range[0] + offset;
  const r1 = +range[range.length - 1] + offset;
  set(st, st.domain, {
    stroke: spec.color,
    d: bottom
      ? `M${r0},${TICK}V${offset}H${r1}V${TICK}`
      : `M${-TICK},${r0}H${offset}V${r1}H${-TICK}`,
  });

  const keep = new Set<number>();
  let prev: Element = st.domain;
  spec.values.forEach((v, i) => {
    const px = +spec.scale(v);
    if (!Number.isFinite(px) || keep.has(v)) return;
    keep.add(v);
    let t = st.ticks.get(v);
    if (!t) {
      const tg = svg("g", { class: "tick", opacity: 1 });
      t = {
        g: tg,
        line: svg("line", bottom ? { y2: TICK } : { x2: -TICK }, tg),
        text: svg(
          "text",
          bottom ? { y: SPACING, dy: "0.71em" } : { x: -SPACING, dy: "0.32em" },
          tg,
        ),
      };
      st.ticks.set(v, t);
    }
    // Ticks stay in value order after the domain path, as d3-axis orders them.
    if (prev.nextSibling !== t.g) prev.after(t.g);
    prev = t.g;
    const p = px + offset;
    set(st, t.g, { transform: bottom ? `translate(${p},0)` : `translate(0,${p})` });
    set(st, t.line, { stroke: spec.color });
    set(st, t.text, { fill: spec.color, "font-size": spec.fontSize });
    setText(t.text, spec.labels[i] ?? "");
  });
  for (const [v, t] of st.ticks) {
    if (keep.has(v)) continue;
    t.g.remove();
    st.ticks.delete(v);
  }
}
