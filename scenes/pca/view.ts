// The picture of pca: the points (canvas for a generated cloud, finger-sized handles for points
// placed by hand), the mean, the 1σ and 2σ covariance ellipses, PC1 and PC2 as arrows of length
// √λ from the mean (eigh solid, SVD dashed on top), drop lines onto the PC1 line; beside it the
// PC1 scores on a number line, a scree panel and the two routes' numbers side by side.
import "./view.css";
import { createArrow } from "../../src/draw/arrow";
import { createHandle, type Handle } from "../../src/draw/handle";
import { createBanner } from "../../src/draw/label";
import { createPlane, type Pt } from "../../src/draw/plane";
import { observeSizes } from "../../src/draw/sizes";
import { linearScale } from "../../src/draw/scale";
import { attrs, polyline, svg } from "../../src/draw/svg";
import { formatNumber as f } from "../../src/kit/format";
import { setText } from "../../src/kit/dom";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import {
  MAX_HAND,
  RANGE,
  addPoint,
  deletePoint,
  type PcaModel,
  type PcaParams,
  type params as schema,
} from "./model";

const LONG_PRESS_MS = 600;
const TAP_PX = 6;
const DOMAIN_2D: [number, number] = [RANGE[0], RANGE[1]];
const DOMAIN_4D: [number, number] = [-11, 11];

const clampRound = (v: number) => Math.round(Math.min(RANGE[1], Math.max(RANGE[0], v)) * 100) / 100;

/** A nice round number ≥ x (1, 2 or 5 times a power of ten), so ranges change in steps only. */
function niceCeil(x: number): number {
  const mag = 10 ** Math.floor(Math.log10(x));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((k) => k * mag).find((v) => v >= x) ?? 10 * mag;
}

/** Adds a dot to the current path: a circle, or for many points a square (far cheaper). */
function dot(g: CanvasRenderingContext2D, x: number, y: number, r: number, square: boolean): void {
  if (square) g.rect(x - r, y - r, 2 * r, 2 * r);
  else {
    g.moveTo(x + r, y);
    g.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/**
 * A text label at a pixel point with a halo, anchored start, middle or end. It never measures
 * itself: measuring forces a layout in the middle of a redraw, which costs more than the rest
 * of a frame while a point is dragged.
 */
function plainLabel(layer: SVGGElement) {
  const t = svg(
    "text",
    { "paint-order": "stroke", "stroke-linejoin": "round", "font-weight": 600 },
    layer,
  );
  return {
    el: t,
    update(
      at: readonly [number, number],
      s: string,
      color: string,
      p: Palette,
      offset: [number, number] = [6, -6],
      anchor = "start",
    ) {
      const ok = Number.isFinite(at[0]) && Number.isFinite(at[1]);
      t.style.display = ok ? "" : "none";
      if (!ok) return;
      attrs(t, {
        x: at[0] + offset[0],
        y: at[1] + offset[1],
        fill: color,
        stroke: p.bg,
        "stroke-width": 4,
        "font-size": p.fontSize * 0.85,
        "text-anchor": anchor,
      });
      setText(t, s);
    },
    hide() {
      t.style.display = "none";
    },
  };
}

function vec(v: readonly number[], digits = 4): string {
  return `(${v.map((x) => f(x, digits)).join(", ")})`;
}

export function mountPca(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  const root = document.createElement("div");
  root.className = "pca-root";
  const planeBox = document.createElement("div");
  planeBox.className = "pca-plane";
  const dots = document.createElement("canvas");
  dots.setAttribute("aria-hidden", "true");
  planeBox.appendChild(dots);
  const side = document.createElement("div");
  side.className = "pca-side";
  const box = (cls: string, title: string) => {
    const b = document.createElement("section");
    b.className = `pca-box ${cls}`;
    const h = document.createElement("h3");
    h.textContent = title;
    b.appendChild(h);
    side.appendChild(b);
    return b;
  };
  const scoresBox = box("pca-scores", "1-D scores on PC1");
  const scoresCanvas = document.createElement("canvas");
  scoresCanvas.setAttribute("role", "img");
  scoresBox.appendChild(scoresCanvas);
  const screeBox = box("pca-scree", "Scree: each component, Σ cumulative");
  const scree = svg("svg", { role: "img" }, screeBox);
  const methodsBox = box("pca-methods", "Two routes, one answer");
  const routeCov = document.createElement("p");
  const routeSvd = document.createElement("p");
  const routeDiff = document.createElement("p");
  methodsBox.append(routeCov, routeSvd, routeDiff);
  const hint = document.createElement("p");
  hint.className = "pca-hint";
  hint.textContent =
    "Drag a point · click empty space to add · shift-click, long-press or Delete to remove.";
  side.appendChild(hint);
  root.append(planeBox, side);
  host.appendChild(root);

  const plane = createPlane(planeBox, {
    x: DOMAIN_2D,
    y: DOMAIN_2D,
    label: "The data, its mean, covariance ellipse and principal components",
  });
  const ellipse2 = svg("path", { fill: "none", "stroke-dasharray": "5 5" }, plane.back);
  const ellipse1 = svg("path", {}, plane.back);
  const pcLine = svg("path", { fill: "none", "stroke-dasharray": "7 5" }, plane.back);
  const arrows = [createArrow(plane), createArrow(plane)];
  const svdArrows = [createArrow(plane), createArrow(plane)];
  const arrowLabels = [plainLabel(plane.front), plainLabel(plane.front)];
  const meanMark = svg("path", { fill: "none" }, plane.front);
  const meanLabel = plainLabel(plane.front);
  const axisNames = [plainLabel(plane.front), plainLabel(plane.front)];
  const banner = createBanner(host);

  // ---- Hand points: one handle per slot, shown while the slot is in use ----
  let suppress = false;
  let pressTimer: ReturnType<typeof setTimeout> | null = null;
  const cancelPress = () => {
    if (pressTimer) clearTimeout(pressTimer);
    pressTimer = null;
  };
  const remove = (i: number) => {
    cancelPress();
    suppress = true;
    ctx.set(deletePoint(ctx.params(), i));
  };
  const handles: Handle[] = [];
  for (let i = 1; i <= MAX_HAND; i++) {
    const h = createHandle(plane, {
      name: `point ${i} (Delete removes it)`,
      step: 0.05,
      onMove: (x, y) => {
        if (suppress) return;
        ctx.set({ [`x${i}`]: clampRound(x), [`y${i}`]: clampRound(y) } as Partial<PcaParams>);
      },
    });
    let start: [number, number] = [0, 0];
    h.el.addEventListener("pointerdown", (e) => {
      suppress = false;
      if (e.button !== 0) return;
      if (e.shiftKey) return remove(i);
      start = [e.clientX, e.clientY];
      cancelPress();
      pressTimer = setTimeout(() => remove(i), LONG_PRESS_MS);
    });
    h.el.addEventListener("pointermove", (e) => {
      if (pressTimer && Math.hypot(e.clientX - start[0], e.clientY - start[1]) > TAP_PX)
        cancelPress();
    });
    const end = () => {
      cancelPress();
      suppress = false;
    };
    h.el.addEventListener("pointerup", end);
    h.el.addEventListener("pointercancel", end);
    h.el.addEventListener("keydown", (e) => {
      if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        remove(i);
        suppress = false;
      }
    });
    handles.push(h);
  }

  // ---- Click (tap) on empty space adds a hand point ----
  let down: { x: number; y: number; t: number } | null = null;
  const onDown = (e: PointerEvent) => {
    if ((e.target as Element).closest("[data-handle]") || e.button !== 0) return;
    down = { x: e.clientX, y: e.clientY, t: performance.now() };
  };
  const onUp = (e: PointerEvent) => {
    const d = down;
    down = null;
    if (!d || e.shiftKey || Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_PX) return;
    const p = ctx.params();
    if (p.mode === "4d") {
      ctx.notice(
        "The 4-D data is built from its seed; choose “points placed by hand” to place points.",
      );
      return;
    }
    const rect = plane.svg.getBoundingClientRect();
    const [x, y] = plane.invert(e.clientX - rect.left, e.clientY - rect.top);
    const add = addPoint(p, clampRound(x), clampRound(y));
    if (add) ctx.set(add);
    else
      ctx.notice(
        `At most ${MAX_HAND} points can be placed by hand; delete one first (shift-click).`,
      );
  };
  plane.svg.addEventListener("pointerdown", onDown);
  plane.svg.addEventListener("pointerup", onUp);

  // ---- Sizes: the plane and the side canvases track their own boxes ----
  let last: { p: PcaParams; m: PcaModel } | null = null;
  // Sizes come from a ResizeObserver, so a redraw never forces a layout to measure a box.
  const sizes = observeSizes([host, planeBox, dots, scoresCanvas, scree], () => {
    const { w, h } = sizes.size(planeBox);
    plane.resize(w, h);
    if (last) update(last.p, last.m);
  });

  function fitCanvas(c: HTMLCanvasElement): CanvasRenderingContext2D | null {
    const { w, h } = sizes.size(c);
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const g = c.getContext("2d");
    if (!g) return null;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    return g;
  }

  let domainMode: "2d" | "4d" | null = null;

  function drawDots(m: PcaModel, pal: Palette): void {
    const g = fitCanvas(dots);
    if (!g) return;
    const { pts, feet } = m.plane;
    const ok = m.status === "ok" || m.status === "collinear";
    const many = pts.length > 300;
    // Drop lines onto the PC1 line: the residual each point leaves when projected on PC1.
    if (ok) {
      g.strokeStyle = pal.muted;
      g.globalAlpha = many ? 0.1 : 0.6;
      g.lineWidth = 1;
      g.setLineDash(many ? [] : [3, 3]);
      g.beginPath();
      for (let i = 0; i < pts.length; i++) {
        g.moveTo(plane.sx(pts[i][0]), plane.sy(pts[i][1]));
        g.lineTo(plane.sx(feet[i][0]), plane.sy(feet[i][1]));
      }
      g.stroke();
      g.setLineDash([]);
      g.globalAlpha = many ? 0.5 : 0.9;
      g.fillStyle = pal.c[1];
      g.beginPath();
      for (const q of feet) dot(g, plane.sx(q[0]), plane.sy(q[1]), many ? 1.2 : 2.6, many);
      g.fill();
    }
    // Generated points (hand points are handles, drawn in the SVG above).
    g.globalAlpha = many ? 0.55 : 0.8;
    g.fillStyle = pal.c[0];
    g.beginPath();
    for (let i = 0; i < m.handStart; i++)
      dot(g, plane.sx(pts[i][0]), plane.sy(pts[i][1]), many ? 1.6 : 3.2, many);
    g.fill();
    g.globalAlpha = 1;
  }

  function drawScores(m: PcaModel, pal: Palette): void {
    const g = fitCanvas(scoresCanvas);
    if (!g) return;
    const { w, h } = sizes.size(scoresCanvas);
    const ok = m.status === "ok" || m.status === "collinear";
    const font = Math.max(10, pal.fontSize * 0.7);
    g.font = `${font}px system-ui, sans-serif`;
    g.fillStyle = pal.muted;
    g.strokeStyle = pal.muted;
    if (!ok) {
      g.textAlign = "center";
      g.fillText("no PC1 to project on", w / 2, h / 2 + font / 3);
      scoresCanvas.setAttribute("aria-label", "No scores: the data has no principal direction.");
      return;
    }
    const { scores, sd } = m.plane;
    const span = niceCeil(Math.max(1e-9, ...scores.map(Math.abs)) * 1.1);
    const x = linearScale([-span, span], [10, w - 10]);
    const y0 = h * 0.42;
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(x(-span), y0);
    g.lineTo(x(span), y0);
    g.stroke();
    g.textAlign = "center";
    for (const t of x.ticks(5)) {
      g.beginPath();
      g.moveTo(x(t), y0 - 3);
      g.lineTo(x(t), y0 + 3);
      g.stroke();
      g.fillText(f(t, 3), x(t), y0 + 5 + font);
    }
    // ±√λ₁: one standard deviation along PC1.
    g.fillStyle = pal.c[1];
    g.globalAlpha = 0.18;
    g.fillRect(x(-sd[0]), y0 - 9, x(sd[0]) - x(-sd[0]), 18);
    g.globalAlpha = 1;
    const many = scores.length > 300;
    g.fillStyle = pal.c[0];
    g.globalAlpha = many ? 0.35 : 0.85;
    const r = many ? 1.6 : 3.5;
    g.beginPath();
    scores.forEach((s, i) => {
      // Many scores are spread a little vertically (a fixed hash of i), so they do not merge.
      const jitter = many ? (((i * 2654435761) >>> 0) / 4294967296 - 0.5) * 12 : 0;
      dot(g, x(s), y0 + jitter, r, many);
    });
    g.fill();
    g.globalAlpha = 1;
    scoresCanvas.setAttribute(
      "aria-label",
      `${scores.length} scores on PC1 between ${f(Math.min(...scores), 3)} and ${f(Math.max(...scores), 3)}; the band is ±√λ₁.`,
    );
  }

  function drawScree(m: PcaModel, pal: Palette): void {
    scree.replaceChildren();
    const { w: sw, h: sh } = sizes.size(scree);
    const w = sw || 200;
    const h = sh || 120;
    attrs(scree, { viewBox: `0 0 ${w} ${h}` });
    const font = Math.max(10, pal.fontSize * 0.68);
    const c = m.cov;
    const ok = c !== null && (m.status === "ok" || m.status === "collinear");
    if (!ok) {
      const t = svg(
        "text",
        { x: w / 2, y: h / 2, "text-anchor": "middle", fill: pal.muted, "font-size": font },
        scree,
      );
      t.textContent = "no variance to split";
      scree.setAttribute("aria-label", "Scree: no variance to split.");
      return;
    }
    const d = m.d;
    const left = font * 3.4;
    const x = linearScale([0.4, d + 0.6], [left, w - 6]);
    const y = linearScale([0, 1], [h - font * 1.6, font * 1.4]);
    for (const t of [0, 0.5, 1]) {
      svg("line", { x1: left, x2: w - 6, y1: y(t), y2: y(t), stroke: pal.grid }, scree);
      const lab = svg(
        "text",
        {
          x: left - 4,
          y: y(t) + font / 3,
          "text-anchor": "end",
          fill: pal.muted,
          "font-size": font,
        },
        scree,
      );
      lab.textContent = `${t * 100}%`;
    }
    const bw = Math.min(48, ((w - left) / d) * 0.55);
    const cum = c.cumulative.map((v, j) => [x(j + 1), y(v)] as [number, number]);
    c.varianceFraction.forEach((v, j) => {
      const color = j === 0 ? pal.c[1] : j === 1 ? pal.c[2] : pal.c[5];
      svg(
        "rect",
        {
          x: x(j + 1) - bw / 2,
          width: bw,
          y: y(v),
          height: Math.max(0, y(0) - y(v)),
          fill: color,
          "fill-opacity": 0.85,
        },
        scree,
      );
      const lab = svg(
        "text",
        {
          x: x(j + 1),
          y: h - font * 0.4,
          "text-anchor": "middle",
          fill: pal.muted,
          "font-size": font,
        },
        scree,
      );
      lab.textContent = `PC${j + 1}`;
      // The bar's share inside the bar when it is tall enough, else just above it.
      const inside = y(0) - y(v) > font * 2.6;
      const val = svg(
        "text",
        {
          x: x(j + 1),
          y: inside ? y(v) + font * 1.8 : y(v) - 4,
          "text-anchor": "middle",
          fill: inside ? pal.bg : pal.fg,
          "font-size": font,
          "font-weight": 600,
        },
        scree,
      );
      val.textContent = `${f(v * 100, 3)}%`;
    });
    svg(
      "path",
      {
        d: polyline(cum),
        fill: "none",
        stroke: pal.fg,
        "stroke-width": Math.max(1.5, pal.lineWidth * 0.75),
        "stroke-dasharray": "4 3",
      },
      scree,
    );
    cum.forEach(([cx, cy], j) => {
      svg("circle", { cx, cy, r: 3.5, fill: pal.bg, stroke: pal.fg, "stroke-width": 1.5 }, scree);
      if (j === 0) return;
      const t = svg(
        "text",
        { x: cx, y: cy - 7, "text-anchor": "middle", fill: pal.muted, "font-size": font * 0.92 },
        scree,
      );
      t.textContent = `Σ ${f(c.cumulative[j] * 100, 3)}%`;
    });
    scree.setAttribute(
      "aria-label",
      `Scree: variance fractions ${c.varianceFraction.map((v) => `${f(v * 100, 3)}%`).join(", ")}; cumulative ${c.cumulative.map((v) => `${f(v * 100, 3)}%`).join(", ")}.`,
    );
  }

  function drawMethods(m: PcaModel, pal: Palette): void {
    const a = m.cov;
    const b = m.svd;
    routeCov.replaceChildren();
    routeSvd.replaceChildren();
    const route = (el: HTMLElement, name: string, color: string, text: string) => {
      const s = document.createElement("span");
      s.className = "pca-route";
      s.style.color = color;
      s.textContent = name;
      el.append(s, document.createTextNode(text));
    };
    if (!a || !b || a.status !== "ok") {
      route(routeCov, "eigh of C: ", pal.c[1], "—");
      route(routeSvd, "SVD of X_c: ", pal.c[4], "—");
      routeDiff.textContent = "";
      return;
    }
    route(
      routeCov,
      "eigh of C = XcᵀXc/(n−1): ",
      pal.c[1],
      `λ = ${vec(a.eigenvalues)}, PC1 = ${vec(a.components[0])}`,
    );
    route(
      routeSvd,
      "SVD of Xc = USVᵀ: ",
      pal.c[4],
      `s²/(n−1) = ${vec(b.eigenvalues)}, PC1 = ${vec(b.components[0])}`,
    );
    routeDiff.textContent = `Same answer: they differ by ${f(m.agreeValues, 2)} in λ and ${f(m.agreeVectors, 2)} in the directions (up to sign).`;
  }

  function update(p: PcaParams, m: PcaModel): void {
    last = { p, m };
    const pal = ctx.palette();
    const lw = pal.lineWidth;
    const want = m.d === 4 ? "4d" : "2d";
    if (domainMode !== want) {
      const dom = want === "4d" ? DOMAIN_4D : DOMAIN_2D;
      plane.setDomain(dom, dom);
      domainMode = want;
    }
    // Stack the panels under the plane when the stage is narrow for its type size (phones, and
    // the projector theme's large type).
    root.classList.toggle("pca-narrow", sizes.size(host).w < 45 * pal.fontSize);
    plane.drawGrid(pal);

    const { mean, dirs, sd, pts } = m.plane;
    const ok = m.status === "ok" || m.status === "collinear";
    if (ok) {
      const ring = (k: number): Pt[] =>
        Array.from({ length: 121 }, (_, i) => {
          const t = (i / 120) * 2 * Math.PI;
          const a = k * sd[0] * Math.cos(t);
          const b = k * sd[1] * Math.sin(t);
          return [
            mean[0] + a * dirs[0][0] + b * dirs[1][0],
            mean[1] + a * dirs[0][1] + b * dirs[1][1],
          ];
        });
      attrs(ellipse1, {
        d: polyline(ring(1).map(plane.px)) + "Z",
        fill: pal.c[3],
        "fill-opacity": 0.08,
        stroke: pal.c[3],
        "stroke-width": lw,
      });
      attrs(ellipse2, {
        d: polyline(ring(2).map(plane.px)),
        stroke: pal.c[3],
        "stroke-opacity": 0.55,
        "stroke-width": Math.max(1, lw * 0.6),
      });
      const far = 40;
      attrs(pcLine, {
        d: polyline([
          plane.px([mean[0] - far * dirs[0][0], mean[1] - far * dirs[0][1]]),
          plane.px([mean[0] + far * dirs[0][0], mean[1] + far * dirs[0][1]]),
        ]),
        stroke: pal.c[1],
        "stroke-opacity": 0.55,
        "stroke-width": Math.max(1, lw * 0.6),
      });
      const colors = [pal.c[1], pal.c[2]];
      for (let j = 0; j < 2; j++) {
        const tip: Pt = [mean[0] + sd[j] * dirs[j][0], mean[1] + sd[j] * dirs[j][1]];
        arrows[j].update(mean, tip, colors[j], lw * 1.6);
        // The SVD route's direction, dashed on top: it lands on the same arrow.
        const sv = m.d === 2 && m.svd ? m.svd.components[j] : dirs[j];
        const sl = m.d === 2 && m.svd ? Math.sqrt(m.svd.eigenvalues[j]) : sd[j];
        arrows[j].el.style.display = sd[j] > 0 ? "" : "none";
        svdArrows[j].update(
          mean,
          [mean[0] + sl * sv[0], mean[1] + sl * sv[1]],
          pal.c[4],
          Math.max(1, lw * 0.7),
          { dash: "5 4" },
        );
        svdArrows[j].el.style.display = sd[j] > 0 ? "" : "none";
        // The label sits just beyond the tip, along the arrow, clear of the points near the mean.
        const [tx, ty] = plane.px(tip);
        const [bx, by] = plane.px(mean);
        const len = Math.hypot(tx - bx, ty - by) || 1;
        const gap = 16 + pal.fontSize;
        const ux = (tx - bx) / len;
        const uy = (ty - by) / len;
        // Beyond the tip; a mostly horizontal arrow's label is lifted so it clears the PC1 line.
        const lift = Math.abs(ux) > 0.5 ? pal.fontSize * 0.6 : 0;
        const at: [number, number] = [tx + ux * gap, ty + uy * gap - lift];
        const text = `PC${j + 1} · √λ${j ? "₂" : "₁"} = ${f(sd[j], 3)}`;
        const leftward = tx < bx;
        if (sd[j] > 0) {
          const dy = pal.fontSize * 0.3;
          // An arrow pointing left gets its label to the left of the anchor; either way the
          // label is kept inside the plane, from an estimate of its width (no measuring).
          const est = text.length * pal.fontSize * 0.85 * 0.56;
          const w = plane.width();
          if (leftward) at[0] = Math.max(at[0], 4 + est);
          else at[0] = Math.min(at[0], w - 4 - est);
          arrowLabels[j].update(at, text, colors[j], pal, [0, dy], leftward ? "end" : "start");
        } else arrowLabels[j].hide();
      }
      [ellipse1, ellipse2, pcLine].forEach((e) => (e.style.display = ""));
    } else {
      [ellipse1, ellipse2, pcLine].forEach((e) => (e.style.display = "none"));
      arrows.forEach((a) => a.hide());
      svdArrows.forEach((a) => a.hide());
      arrowLabels.forEach((l) => l.hide());
    }
    if (pts.length) {
      const [mx, my] = plane.px(mean);
      const s = 7;
      attrs(meanMark, {
        d: `M${mx - s},${my}H${mx + s}M${mx},${my - s}V${my + s}`,
        stroke: pal.fg,
        "stroke-width": lw * 1.2,
      });
      meanMark.style.display = "";
      meanLabel.update([mx, my], "x̄", pal.fg, pal, [-20, 18]);
    } else {
      meanMark.style.display = "none";
      meanLabel.hide();
    }
    if (m.d === 4) {
      const vis = plane.visible();
      axisNames[0].update(plane.px([vis.x[1], 0]), "PC1 score", pal.muted, pal, [-8, -8], "end");
      axisNames[1].update(plane.px([0, vis.y[0]]), "PC2 score", pal.muted, pal, [8, -8]);
    } else axisNames.forEach((l) => l.hide());

    drawDots(m, pal);
    handles.forEach((h, k) => {
      const idx = m.handStart + k;
      if (k < p.count && p.mode !== "4d" && idx < pts.length) {
        h.el.style.display = "";
        h.update(pts[idx][0], pts[idx][1], pal, pal.c[0]);
      } else h.el.style.display = "none";
    });
    drawScores(m, pal);
    drawScree(m, pal);
    drawMethods(m, pal);

    const n = m.points.length;
    const c = m.cov;
    let msg: string;
    let color = pal.muted;
    if (m.status === "empty") msg = "No points yet: click the plane to add some.";
    else if (m.status === "single-point")
      msg =
        "One point: the covariance divides by n − 1 = 0, so it is undefined and there are no components.";
    else if (m.status === "no-spread")
      msg = `All ${n} points coincide: the covariance is zero, so no direction stands out.`;
    else if (m.status === "collinear") {
      msg = "The points lie on one line: PC1 carries all the variance and λ₂ = 0.";
      color = pal.c[1];
    } else if (c && m.d === 4)
      msg = `${n} points in 4-D, drawn by their PC1 and PC2 scores. The top two components keep ${f(c.cumulative[1] * 100, 4)}% of the variance.`;
    else if (c) {
      msg = `PC1 keeps ${f(c.cumulative[0] * 100, 4)}% of the variance of these ${n} points.`;
      color = pal.c[1];
    } else msg = "";
    banner.show(msg, color);
  }

  return {
    update,
    resize() {
      // The ResizeObserver on the plane's own box does the work.
    },
    dispose() {
      cancelPress();
      sizes.disconnect();
      plane.svg.removeEventListener("pointerdown", onDown);
      plane.svg.removeEventListener("pointerup", onUp);
      handles.forEach((h) => h.dispose());
      banner.remove();
      root.remove();
    },
  };
}
