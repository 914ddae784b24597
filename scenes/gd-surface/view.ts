// The picture of gd-surface: a contour view (d3-contour, SVG) and a three.js surface of the same
// f side by side (tabs on a phone), the trajectories drawn on both, and the convergence plot of
// f(xₖ) − f* on a log axis with its guides. Play reveals the trajectory iterate by iterate.
import { createChart } from "../../src/draw/chart";
import {
  clipSegment,
  contourField,
  contourLevels,
  createContourLayer,
  edgeMin,
  sampleField,
  type Box,
  type ContourLevel,
  type Field,
} from "../../src/draw/contour";
import { pointHandle } from "../../src/draw/handle";
import { createBanner, createLabel } from "../../src/draw/label";
import { createPlane } from "../../src/draw/plane";
import { attrs, svg } from "../../src/draw/svg";
import type { SurfacePath } from "../../src/draw/surface3d";
import { lazySurface3D } from "../../src/draw/surface3d-lazy";
import type { OptimizerId } from "../../src/core/optimize";
import { el } from "../../src/kit/dom";
import { formatNumber as fmt } from "../../src/kit/format";
import { snap } from "../../src/kit/params";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import {
  OPTIMIZER_NAMES,
  statusText,
  summarize,
  tolText,
  type GdModel,
  type GdParams,
  type RunView,
  type params as schema,
} from "./model";

/** Palette slot per optimizer, the same in single and race mode (c2, c4, c3, c5). */
const COLOR_SLOT: Record<OptimizerId, number> = { gd: 1, momentum: 3, adam: 2, newton: 4 };
/** Iterates drawn as dots on the contour view, at most (a 1000-step run is a line). */
const MAX_DOTS = 400;
/** Below this stage width the two views become tabs. */
const NARROW = 640;

const FULL: [number, number] = [0, 1];
const SUBSCRIPT = "₀₁₂₃₄₅₆₇₈₉";
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPT[+d]);

function boxOf(b: { x: readonly number[]; y: readonly number[] }): Box {
  return { x: [b.x[0], b.x[1]], y: [b.y[0], b.y[1]] };
}

/** Powers of ten inside a log domain, thinned so labels stay about 26 px apart. */
function decadeTicks(domain: [number, number], pixels: number): number[] {
  const lo = Math.ceil(Math.log10(Math.min(domain[0], domain[1])));
  const hi = Math.floor(Math.log10(Math.max(domain[0], domain[1])));
  const every = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(2, pixels / 26)));
  const out: number[] = [];
  for (let e = hi; e >= lo; e -= every) out.push(10 ** e);
  return out;
}

/** 0.01, 0.1, 1, 10, 100 as numbers; other decades as 10ⁿ (narrow, and they read as orders). */
function decadeLabel(v: number): string {
  const e = Math.round(Math.log10(v));
  if (e >= -2 && e <= 2) return fmt(v);
  return `10${String(e).replace(/[-\d]/g, (c) => (c === "-" ? "⁻" : SUPERSCRIPT[+c]))}`;
}

function style(node: HTMLElement, css: Partial<CSSStyleDeclaration>): void {
  Object.assign(node.style, css);
}

export function mountGdSurface(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  // ---- Layout: banner, tabs (narrow only), the two views, the convergence plot ----
  const root = el("div", { className: "gd-root" });
  style(root, {
    position: "absolute",
    inset: "0",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "0 8px 8px",
  });
  host.appendChild(root);
  const banner = createBanner(root);
  style(banner.el, {
    position: "relative",
    left: "auto",
    top: "auto",
    right: "auto",
    maxWidth: "none",
    flex: "0 0 auto",
  });
  const tabs = el("div", { className: "gd-tabs" });
  tabs.setAttribute("role", "tablist");
  style(tabs, { display: "none", gap: "6px", flex: "0 0 auto" });
  const tabContour = el("button", { className: "lg-btn", text: "Contours" });
  const tabSurface = el("button", { className: "lg-btn", text: "Surface (3-D)" });
  for (const b of [tabContour, tabSurface]) b.setAttribute("role", "tab");
  tabs.append(tabContour, tabSurface);
  const panes = el("div", { className: "gd-panes" });
  style(panes, { display: "flex", gap: "8px", flex: "1 1 auto", minHeight: "0" });
  const paneStyle: Partial<CSSStyleDeclaration> = {
    position: "relative",
    flex: "1 1 0",
    minWidth: "0",
    minHeight: "0",
    border: "1px solid var(--border)",
    borderRadius: "6px",
    overflow: "hidden",
  };
  const contourPane = el("div", { className: "gd-contour" });
  const surfacePane = el("div", { className: "gd-surface" });
  style(contourPane, paneStyle);
  style(surfacePane, paneStyle);
  panes.append(contourPane, surfacePane);
  const chartPane = el("div", { className: "gd-chart" });
  style(chartPane, {
    position: "relative",
    flex: "0 0 auto",
    height: "200px",
    display: "flex",
    gap: "6px",
  });
  const chartHost = el("div");
  style(chartHost, {
    position: "relative",
    flex: "1 1 0",
    minWidth: "0",
    minHeight: "0",
    overflow: "hidden",
  });
  const chartLegend = el("div", { className: "gd-legend" });
  style(chartLegend, {
    flex: "0 0 auto",
    fontSize: "0.78em",
    lineHeight: "1.4",
    color: "var(--fg)",
    alignSelf: "center",
  });
  chartPane.append(chartHost, chartLegend);
  root.append(tabs, panes, chartPane);

  const overlay = (parent: HTMLElement, pos: Partial<CSSStyleDeclaration>) => {
    const d = el("div");
    style(d, {
      position: "absolute",
      pointerEvents: "none",
      fontSize: "0.78em",
      lineHeight: "1.35",
      color: "var(--fg)",
      background: "color-mix(in srgb, var(--bg) 82%, transparent)",
      borderRadius: "4px",
      padding: "2px 6px",
      zIndex: "1",
      ...pos,
    });
    parent.appendChild(d);
    return d;
  };
  const contourCaption = overlay(contourPane, {
    left: "6px",
    bottom: "6px",
    color: "var(--muted)",
  });
  const surfaceCaption = overlay(surfacePane, {
    left: "6px",
    bottom: "6px",
    color: "var(--muted)",
  });
  const counter = overlay(contourPane, {
    left: "6px",
    top: "6px",
    fontVariantNumeric: "tabular-nums",
  });
  counter.className = "gd-counter";
  const raceLegend = overlay(contourPane, { right: "6px", top: "6px" });

  // ---- Contour view ----
  const plane = createPlane(contourPane, {
    x: [-3, 3],
    y: [-3, 3],
    label: "Contours of f with the optimizer's path; drag the start point or click to set it",
    margin: 4,
  });
  const contourG = svg("g", {});
  plane.svg.insertBefore(contourG, plane.grid);
  const contourLayer = createContourLayer(contourG);
  const pathEls = new Map<OptimizerId, { line: SVGPathElement; dots: SVGPathElement }>();
  const headDot = svg("circle", { r: 5 }, plane.front);
  const minMark = svg("path", { fill: "none", "stroke-linecap": "round" }, plane.front);
  const labels = {
    start: createLabel(plane.front),
    min: createLabel(plane.front),
    head: createLabel(plane.front),
  };

  let model: GdModel | null = null;
  /** Iterates shown (the animation reveals them); null shows every one. */
  let reveal: number | null = null;
  let revealAcc = 0;
  let lastT: number | null = null;
  let narrow = false;
  let tab: "contour" | "surface" = "contour";

  const domainBox = (): Box => (model ? boxOf(model.fn.domain) : { x: [-3, 3], y: [-3, 3] });
  /** Clamp to the function's domain and snap to the params' step, so a drag is never "corrected". */
  const toStart = (x: number, y: number): [number, number] => {
    const b = domainBox();
    const cx = Math.min(b.x[1], Math.max(b.x[0], x));
    const cy = Math.min(b.y[1], Math.max(b.y[0], y));
    const s = ctx.schema.x0;
    return [snap(cx, s.min, s.step), snap(cy, s.min, s.step)];
  };
  const startHandle = pointHandle(plane, ctx, "start", {
    name: "start point x₀",
    constrain: (x, y) => toStart(x, y),
  });

  // Click (or press and drag) anywhere on the contours to put the start there.
  let settingStart = false;
  const setFromPointer = (e: PointerEvent) => {
    const rect = plane.svg.getBoundingClientRect();
    const [x, y] = plane.invert(e.clientX - rect.left, e.clientY - rect.top);
    const [sx, sy] = toStart(x, y);
    ctx.set({ x0: sx, y0: sy });
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0 || (e.target as Element | null)?.closest("[data-handle]")) return;
    settingStart = true;
    plane.svg.setPointerCapture(e.pointerId);
    setFromPointer(e);
  };
  const onMove = (e: PointerEvent) => {
    if (settingStart && plane.svg.hasPointerCapture(e.pointerId)) setFromPointer(e);
  };
  const onUp = (e: PointerEvent) => {
    settingStart = false;
    if (plane.svg.hasPointerCapture(e.pointerId)) plane.svg.releasePointerCapture(e.pointerId);
  };
  plane.svg.addEventListener("pointerdown", onDown);
  plane.svg.addEventListener("pointermove", onMove);
  plane.svg.addEventListener("pointerup", onUp);
  plane.svg.addEventListener("pointercancel", onUp);
  plane.svg.style.cursor = "crosshair";

  // ---- Surface view ----
  // three.js arrives after the contour view is up, and only once the surface pane is shown.
  const surface = lazySurface3D(
    surfacePane,
    {
      label:
        "The surface z = f(x, y) with the optimizer's path draped on it; drag to turn, scroll to zoom",
    },
    () => ctx.invalidate(),
  );

  // ---- Convergence plot ----
  const chart = createChart(chartHost, {
    label: "Convergence: f(x_k) − f* against the step k, on a log scale",
    xLabel: "step k",
    yLabel: "f(xₖ) − f*",
    yLog: true,
    margin: { top: 8, right: 14, bottom: 34, left: 56 },
    yTicks: decadeTicks,
    yFormat: decadeLabel,
  });

  // ---- Caches: the contour field per function and view box, drawn once per size and theme ----
  type CachedField = { key: string; field: Field; levels: ContourLevel[] };
  let field: CachedField | null = null;
  /** Recent fields, so switching f back and forth costs nothing after the first time. */
  const fieldCache = new Map<string, CachedField>();
  let contourDrawn = "";
  let chartLegendKey = "";
  let raceLegendKey = "";
  let axesDrawn = "";
  let planeDomain = "";

  function ensureField(m: GdModel): void {
    const vis = plane.visible();
    const padX = (vis.x[1] - vis.x[0]) * 0.03;
    const padY = (vis.y[1] - vis.y[0]) * 0.03;
    const box: Box = {
      x: [vis.x[0] - padX, vis.x[1] + padX],
      y: [vis.y[0] - padY, vis.y[1] + padY],
    };
    const key = `${m.fnKey}|${box.x.map((v) => v.toFixed(3))}|${box.y.map((v) => v.toFixed(3))}`;
    if (field?.key === key) return;
    const hit = fieldCache.get(key);
    if (hit) {
      // Most recently used last, so the oldest is the one dropped.
      fieldCache.delete(key);
      fieldCache.set(key, hit);
      field = hit;
      return;
    }
    const f = sampleField(m.fn.f, box, 110);
    const thresholds = contourLevels({
      fmin: m.fmin,
      reach: edgeMin(m.fn.f, boxOf(m.fn.domain)),
      max: f.max,
    });
    field = { key, field: f, levels: contourField(f, thresholds) };
    fieldCache.set(key, field);
    if (fieldCache.size > 8) fieldCache.delete(fieldCache.keys().next().value as string);
  }

  const colorOf = (p: Palette, id: OptimizerId) => p.c[COLOR_SLOT[id]] ?? p.accent;
  const shownCount = (r: RunView) =>
    reveal === null ? r.run.path.length : Math.min(reveal, r.run.path.length);
  const totalIterates = (m: GdModel) => Math.max(...m.runs.map((r) => r.run.path.length));

  /** A path through the iterates, each segment clipped to a box well beyond the view. */
  function pathD(r: RunView, count: number, far: Box): string {
    const pts = r.run.path;
    let d = "";
    let pen = false;
    // The last vertex written, in pixels: vertices within half a pixel of it add nothing (a
    // converged run piles hundreds of iterates onto x*), so they are skipped.
    let lx = NaN;
    let ly = NaN;
    for (let k = 1; k < count; k++) {
      const a = pts[k - 1];
      const b = pts[k];
      const inside =
        a[0] >= far.x[0] &&
        a[0] <= far.x[1] &&
        a[1] >= far.y[0] &&
        a[1] <= far.y[1] &&
        b[0] >= far.x[0] &&
        b[0] <= far.x[1] &&
        b[1] >= far.y[0] &&
        b[1] <= far.y[1];
      const t = inside ? FULL : clipSegment(a, b, far);
      if (!t) {
        pen = false;
        continue;
      }
      if (!pen || t[0] > 0) {
        const x = plane.sx(a[0] + (b[0] - a[0]) * t[0]);
        const y = plane.sy(a[1] + (b[1] - a[1]) * t[0]);
        d += `M${x.toFixed(1)},${y.toFixed(1)}`;
        lx = x;
        ly = y;
      }
      const x = plane.sx(a[0] + (b[0] - a[0]) * t[1]);
      const y = plane.sy(a[1] + (b[1] - a[1]) * t[1]);
      if (Math.abs(x - lx) >= 0.5 || Math.abs(y - ly) >= 0.5 || k === count - 1) {
        d += `L${x.toFixed(1)},${y.toFixed(1)}`;
        lx = x;
        ly = y;
      }
      pen = t[1] === 1;
    }
    return d;
  }

  function dotsD(r: RunView, count: number, vis: Box, spacing: number): string {
    let d = "";
    const n = Math.min(count, MAX_DOTS);
    let lx = NaN;
    let ly = NaN;
    for (let k = 0; k < n; k++) {
      const p = r.run.path[k];
      if (p[0] < vis.x[0] || p[0] > vis.x[1] || p[1] < vis.y[0] || p[1] > vis.y[1]) continue;
      const x = plane.sx(p[0]);
      const y = plane.sy(p[1]);
      // Dots closer than their own size merge into a band: keep the ones that stand apart.
      if (Math.hypot(x - lx, y - ly) < spacing) continue;
      d += `M${x.toFixed(1)},${y.toFixed(1)}h0`;
      lx = x;
      ly = y;
    }
    return d;
  }

  /** Everything that depends on how many iterates are revealed: paths, 3-D paths, chart lines. */
  function drawPaths(): void {
    const m = model;
    if (!m) return;
    const pal = ctx.palette();
    const lw = pal.lineWidth;
    const vis = plane.visible();
    const w = vis.x[1] - vis.x[0];
    const h = vis.y[1] - vis.y[0];
    const far: Box = {
      x: [vis.x[0] - 3 * w, vis.x[1] + 3 * w],
      y: [vis.y[0] - 3 * h, vis.y[1] + 3 * h],
    };
    const visBox: Box = { x: [vis.x[0], vis.x[1]], y: [vis.y[0], vis.y[1]] };
    const live = new Set(m.runs.map((r) => r.id));
    for (const [id, els] of pathEls)
      if (!live.has(id)) {
        els.line.remove();
        els.dots.remove();
        pathEls.delete(id);
      }
    // Secondary runs first, so the primary path is drawn on top.
    const order = [...m.runs].sort((a, b) => Number(a.primary) - Number(b.primary));
    for (const r of order) {
      let els = pathEls.get(r.id);
      if (!els) {
        els = {
          line: svg(
            "path",
            { fill: "none", "stroke-linejoin": "round", "stroke-linecap": "round" },
            plane.main,
          ),
          dots: svg("path", { fill: "none", "stroke-linecap": "round" }, plane.main),
        };
        pathEls.set(r.id, els);
      }
      plane.main.appendChild(els.line);
      plane.main.appendChild(els.dots);
      const count = shownCount(r);
      const c = colorOf(pal, r.id);
      attrs(els.line, {
        d: pathD(r, count, far),
        stroke: c,
        "stroke-width": r.primary ? lw * 1.3 : lw,
        opacity: 0.95,
      });
      const dot = (r.primary ? lw * 1.3 : lw) * 2.6;
      attrs(els.dots, {
        d: dotsD(r, count, visBox, dot * 1.6),
        stroke: c,
        "stroke-width": dot,
      });
    }

    // The head of the primary run while animating, with its index.
    const pr = m.primary;
    const k = shownCount(pr) - 1;
    const head = pr.run.path[k];
    const inView =
      head[0] >= vis.x[0] && head[0] <= vis.x[1] && head[1] >= vis.y[0] && head[1] <= vis.y[1];
    if (reveal !== null && inView && k > 0) {
      const [hx, hy] = plane.px(head);
      // Next to x* the head's name would sit on the minimiser's; the dot says enough there.
      const near = m.minimiser ? plane.px(m.minimiser) : null;
      const nearMin = near !== null && Math.hypot(near[0] - hx, near[1] - hy) < 48;
      attrs(headDot, {
        cx: hx,
        cy: hy,
        r: pal.handleRadius * 0.55,
        fill: colorOf(pal, pr.id),
        stroke: pal.bg,
        "stroke-width": 2,
      });
      headDot.style.display = "";
      if (nearMin) labels.head.hide();
      else labels.head.update([hx, hy], `x${sub(k)}`, colorOf(pal, pr.id), pal, [8, -10]);
    } else {
      headDot.style.display = "none";
      labels.head.hide();
    }
    if (reveal !== null) {
      counter.style.display = "";
      counter.textContent = `step ${k} of ${pr.run.path.length - 1}: f − f* = ${fmt(pr.gaps[k], 3)}`;
    } else counter.style.display = "none";

    // The 3-D paths: same runs, same reveal.
    const paths: SurfacePath[] = order.map((r) => ({
      points: r.run.path,
      values: r.run.values,
      count: shownCount(r),
      color: colorOf(pal, r.id),
      width: (r.primary ? 1.3 : 1) * lw * 1.4,
    }));
    if (surfacePane.style.display !== "none") {
      surface.setPaths(paths);
      surface.render();
    }

    // The convergence plot's run lines, revealed with the paths.
    const floor = gapFloor(m);
    for (const r of m.runs) {
      const n = shownCount(r);
      const pts: [number, number][] = [];
      // An exact 0 (Newton on a quadratic) is drawn below the axis, where the chart clips it.
      for (let i = 0; i < n; i++) pts.push([i, r.gaps[i] > 0 ? r.gaps[i] : floor * 1e-3]);
      chart.line(`run-${r.id}`, pts, {
        color: colorOf(pal, r.id),
        width: r.primary ? lw * 1.2 : lw,
      });
    }
    for (const id of ["gd", "momentum", "adam", "newton"] as const)
      if (!live.has(id)) chart.drop(`run-${id}`);
    // Guides over the runs: where a run follows its rate exactly, the dashes stay visible on it.
    for (const g of chart.plot.querySelectorAll('[data-series^="guide-"]'))
      chart.plot.appendChild(g);
    if (reveal !== null) chart.vrule("now", k, `k = ${k}`, pal.muted, pal);
    else chart.drop("now");
  }

  /** The log axis stops here: smaller gaps (and exact zeros) run off its bottom edge. */
  function gapFloor(m: GdModel): number {
    return 1e-16 * Math.max(1, Math.abs(m.fmin));
  }

  function drawChart(m: GdModel, pal: Palette): void {
    const floor = gapFloor(m);
    let lo = Infinity;
    let hi = 0;
    for (const r of m.runs)
      for (const g of r.gaps) {
        if (g > 0 && g < lo) lo = g;
        if (g > hi) hi = g;
      }
    lo = Math.max(floor, Math.min(lo, m.tol) / 4);
    hi = Math.max(hi, m.tol * 10) * 4;
    const key = `${m.steps}|${lo}|${hi}|${chart.width()}x${chart.height()}|${pal.theme}`;
    chart.setDomain([0, Math.max(1, m.steps)], [lo, hi]);
    if (key !== axesDrawn) {
      chart.drawAxes(pal);
      axesDrawn = key;
    }
    chart.line(
      "tol",
      [
        [0, m.tol],
        [Math.max(1, m.steps), m.tol],
      ],
      { color: pal.muted, width: 1, dash: "2 4" },
    );
    const guideStyle = { bound: "7 5", reference: "2 5", rate: "10 4 2 4" } as const;
    const kinds = new Set(m.guides.map((g) => g.kind));
    for (const g of m.guides)
      chart.line(`guide-${g.kind}`, g.pts, {
        color: pal.fg,
        width: Math.max(1, pal.lineWidth * 0.6),
        dash: guideStyle[g.kind],
        opacity: 0.55,
      });
    for (const k of ["bound", "reference", "rate"] as const)
      if (!kinds.has(k)) chart.drop(`guide-${k}`);
    const div = m.primary.run.status === "diverged" ? m.primary.run.divergedAt : null;
    if (div !== null) chart.vrule("diverged", div, `diverged at ${div}`, pal.bad, pal);
    else chart.drop("diverged");

    // Legend: the runs, the guides, the tolerance (rebuilt only when its text or colours change).
    const legendKey = [
      m.race,
      m.primary.id,
      m.primary.eta,
      pal.theme,
      ...m.guides.map((g) => g.label),
    ].join("|");
    if (legendKey === chartLegendKey) return;
    chartLegendKey = legendKey;
    chartLegend.replaceChildren();
    const item = (color: string, dash: string | null, text: string, opacity = 1) => {
      const sw = svg("svg", { width: 22, height: 10, "aria-hidden": "true" });
      svg(
        "line",
        {
          x1: 1,
          x2: 21,
          y1: 5,
          y2: 5,
          stroke: color,
          "stroke-width": 2,
          "stroke-dasharray": dash,
          opacity,
        },
        sw,
      );
      sw.style.verticalAlign = "middle";
      sw.style.marginRight = "4px";
      const row = el("div", {}, [sw as unknown as Node, document.createTextNode(text)]);
      chartLegend.append(row);
    };
    for (const r of m.race ? m.runs : [m.primary])
      item(colorOf(pal, r.id), null, `${OPTIMIZER_NAMES[r.id]}, η = ${fmt(r.eta, 4)}`);
    for (const g of m.guides) item(pal.fg, guideStyle[g.kind], g.label, 0.6);
    item(pal.muted, "2 4", `tolerance ${tolText(m.tol)}`);
  }

  function drawRaceLegend(m: GdModel, pal: Palette): void {
    raceLegend.style.display = m.race ? "" : "none";
    if (!m.race) return;
    const key = [
      pal.theme,
      m.optimizer,
      ...m.runs.map((r) => `${r.eta}:${statusText(r)}:${r.run.stepsToTol}`),
    ].join("|");
    if (key === raceLegendKey) return;
    raceLegendKey = key;
    raceLegend.replaceChildren();
    const head = el("div", { text: `steps to f − f* < ${tolText(m.tol)}` });
    head.style.color = "var(--muted)";
    raceLegend.append(head);
    for (const r of m.runs) {
      const sw = el("span");
      style(sw, {
        display: "inline-block",
        width: "18px",
        height: "0",
        borderTop: `${Math.max(2, pal.lineWidth)}px solid ${colorOf(pal, r.id)}`,
        verticalAlign: "middle",
        marginRight: "6px",
      });
      const outcome =
        r.run.status === "diverged"
          ? statusText(r)
          : r.run.stepsToTol !== null
            ? `${r.run.stepsToTol}`
            : `not within ${tolText(m.tol)}`;
      const row = el("div", {}, [
        sw,
        document.createTextNode(`${OPTIMIZER_NAMES[r.id]} (η = ${fmt(r.eta, 3)}): ${outcome}`),
      ]);
      if (r.primary) row.style.fontWeight = "600";
      raceLegend.append(row);
    }
  }

  function drawContours(m: GdModel, pal: Palette): void {
    ensureField(m);
    if (!field) return;
    const key = `${field.key}|${plane.width()}x${plane.height()}|${pal.theme}`;
    if (key === contourDrawn) return;
    contourDrawn = key;
    contourLayer.draw(field.levels, plane.px, field.field.box, pal);
    plane.drawGrid(pal);
    // The grid is drawn over the contour fills; keep it faint so the levels stay the picture.
    plane.grid.setAttribute("opacity", "0.55");
  }

  function layout(width: number, height: number): void {
    narrow = width < NARROW;
    tabs.style.display = narrow ? "flex" : "none";
    const chartH = Math.round(
      Math.min(narrow ? 210 : 300, Math.max(narrow ? 130 : 150, height * (narrow ? 0.3 : 0.3))),
    );
    chartPane.style.height = `${chartH}px`;
    chartPane.style.flexDirection = narrow ? "column" : "row";
    style(
      chartLegend,
      narrow
        ? {
            display: "flex",
            flexWrap: "wrap",
            gap: "0 12px",
            maxWidth: "none",
            alignSelf: "stretch",
            fontSize: "0.72em",
          }
        : { display: "block", maxWidth: "38%", alignSelf: "center", fontSize: "0.78em" },
    );
    contourPane.style.display = !narrow || tab === "contour" ? "" : "none";
    // On a phone the hint gives way to the figure, and the race legend shrinks.
    contourCaption.style.visibility = narrow ? "hidden" : "";
    raceLegend.style.fontSize = narrow ? "0.68em" : "0.78em";
    surfacePane.style.display = !narrow || tab === "surface" ? "" : "none";
    tabContour.setAttribute("aria-selected", String(tab === "contour"));
    tabSurface.setAttribute("aria-selected", String(tab === "surface"));
    tabContour.style.fontWeight = tab === "contour" ? "700" : "400";
    tabSurface.style.fontWeight = tab === "surface" ? "700" : "400";
    // Sizes are read back after the browser lays the flex boxes out.
    if (contourPane.style.display !== "none")
      plane.resize(contourPane.clientWidth, contourPane.clientHeight);
    if (surfacePane.style.display !== "none") {
      surface.resize(surfacePane.clientWidth, surfacePane.clientHeight);
      void ctx.later(() => surface.load());
    }
    chart.resize(chartHost.clientWidth, chartHost.clientHeight);
  }

  const selectTab = (t: "contour" | "surface") => {
    tab = t;
    layout(host.clientWidth, host.clientHeight);
    ctx.invalidate();
  };
  tabContour.addEventListener("click", () => selectTab("contour"));
  tabSurface.addEventListener("click", () => selectTab("surface"));

  if (host.clientWidth > 0) layout(host.clientWidth, host.clientHeight);

  let builtFnKey = "";
  let heavyTimer: ReturnType<typeof setTimeout> | null = null;
  let heavyModel: GdModel | null = null;
  const HEAVY_DELAY_MS = 60;

  function buildSurface(m: GdModel, pal: Palette): void {
    surface.setSurface(
      {
        key: `${m.fnKey}|${m.box.x}|${m.box.y}`,
        f: m.fn.f,
        box: boxOf(m.box),
        height: m.fn.convex ? (v) => v : (v) => Math.log1p(Math.max(0, v - m.fmin)),
      },
      pal,
    );
  }

  function scheduleHeavy(m: GdModel): void {
    heavyModel = m;
    if (heavyTimer) clearTimeout(heavyTimer);
    heavyTimer = setTimeout(() => {
      heavyTimer = null;
      const hm = heavyModel;
      if (!hm) return;
      const pal = ctx.palette();
      drawContours(hm, pal);
      buildSurface(hm, pal);
      builtFnKey = `${hm.fnKey}|${hm.box.x}|${hm.box.y}`;
      // The path is redrawn over the new field and mesh on the next frame.
      ctx.invalidate();
    }, HEAVY_DELAY_MS);
  }

  function draw(m: GdModel): void {
    const pal = ctx.palette();
    const domKey = `${m.box.x}|${m.box.y}`;
    if (domKey !== planeDomain) {
      planeDomain = domKey;
      plane.setDomain([m.box.x[0], m.box.x[1]], [m.box.y[0], m.box.y[1]]);
    }
    // The contour field and the 3-D mesh of a new f or κ cost 25–40 ms: while a slider moves they
    // are rebuilt once it pauses, in a task of their own, so each change redraws within a frame.
    const fnKey = `${m.fnKey}|${m.box.x}|${m.box.y}`;
    const heavyNow = builtFnKey === "" || fnKey === builtFnKey;
    if (heavyNow) drawContours(m, pal);
    else scheduleHeavy(m);

    // Markers: the minimiser and the start.
    if (m.minimiser) {
      const [mx, my] = plane.px(m.minimiser);
      const s = pal.handleRadius * 0.6;
      attrs(minMark, {
        d: `M${mx - s},${my - s}L${mx + s},${my + s}M${mx - s},${my + s}L${mx + s},${my - s}`,
        stroke: pal.fg,
        "stroke-width": pal.lineWidth * 1.2,
      });
      minMark.style.display = "";
      labels.min.update([mx, my], "x*", pal.fg, pal, [8, 16]);
    } else {
      minMark.style.display = "none";
      labels.min.hide();
    }
    startHandle.update(m.start[0], m.start[1], pal, pal.fg);
    labels.start.update(plane.px(m.start), "x₀", pal.fg, pal, [12, -12]);

    drawChart(m, pal);
    drawRaceLegend(m, pal);
    const heightText = m.fn.convex ? "height = f" : "height = log(1 + f − f*)";
    if (heavyNow) {
      buildSurface(m, pal);
      builtFnKey = fnKey;
    }
    surface.setMarkers([
      { at: m.start, color: pal.fg },
      ...(m.minimiser ? [{ at: m.minimiser, color: pal.fg }] : []),
    ]);
    surfaceCaption.textContent = surface.available
      ? `${heightText} · drag to turn, scroll to zoom`
      : "";
    surfaceCaption.style.display = surface.available ? "" : "none";
    contourCaption.textContent = `contours of ${m.fn.label} · drag x₀ or click to set it`;
    drawPaths();

    const r = m.primary;
    const tone =
      r.run.status === "diverged" ? pal.bad : r.run.status === "converged" ? pal.good : pal.accent;
    banner.show(summarize(m), m.race ? pal.accent : tone);
  }

  return {
    update(_p: GdParams, m: GdModel) {
      model = m;
      if (reveal !== null) reveal = Math.min(reveal, totalIterates(m));
      draw(m);
    },
    frame(t: number) {
      const m = model;
      if (!m) return true;
      const total = totalIterates(m);
      const rate = Math.min(120, Math.max(4, total / 6));
      if (!ctx.playing()) {
        // A frozen clock (clock=…): show the state at time t from the start of the animation.
        const k = 1 + Math.floor(t * rate);
        reveal = k >= total ? null : k;
        lastT = null;
        drawPaths();
        return reveal === null;
      }
      if (lastT === null || t < lastT) {
        // Play from the start unless a step-through is under way.
        if (reveal === null || reveal >= total) reveal = 1;
        revealAcc = reveal;
        lastT = t;
      }
      revealAcc += (t - lastT) * rate;
      lastT = t;
      reveal = Math.min(total, Math.max(1, Math.floor(revealAcc)));
      if (reveal >= total) {
        // The whole path is out: back to the still picture, so later edits show every step.
        reveal = null;
        lastT = null;
        drawPaths();
        return true;
      }
      drawPaths();
      return false;
    },
    step() {
      const m = model;
      if (!m) return;
      const total = totalIterates(m);
      reveal = reveal === null || reveal >= total ? Math.min(2, total) : reveal + 1;
      lastT = null;
      drawPaths();
    },
    reset() {
      reveal = null;
      lastT = null;
    },
    resize({ width, height }: { width: number; height: number }) {
      layout(width, height);
      contourDrawn = "";
      axesDrawn = "";
    },
    dispose() {
      if (heavyTimer) clearTimeout(heavyTimer);
      heavyModel = null;
      plane.svg.removeEventListener("pointerdown", onDown);
      plane.svg.removeEventListener("pointermove", onMove);
      plane.svg.removeEventListener("pointerup", onUp);
      plane.svg.removeEventListener("pointercancel", onUp);
      startHandle.dispose();
      surface.dispose();
      root.remove();
    },
  };
}
