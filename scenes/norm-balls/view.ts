// The picture of norm-balls: the L∞ square, L2 circle, L1 diamond and Lp ball through the dragged
// point, where each crosses the axis (at its norm), a bar chart of the norms in order, and, when
// asked, a line through x with the smallest diamond and circle that touch it.
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import { createHandle } from "../../src/draw/handle";
import { createBanner, createLabel } from "../../src/draw/label";
import { createPlane, type Pt } from "../../src/draw/plane";
import { bannerReserve, fitWithReserve } from "../../src/draw/fit";
import { createSplit } from "../../src/draw/split";
import { attrs, polyline, svg } from "../../src/draw/svg";
import { setText } from "../../src/kit/dom";
import type { NormModel, NormParams, params as schema } from "./model";

const pName = (p: number) => (p === Infinity ? "∞" : f(p, 3));
const pt = (v: readonly number[]) => `(${f(v[0], 3)}, ${f(v[1], 3)})`;
/** The part of the plane kept clear of the banner: the balls of a point on the ±5 box mostly fit. */
const CONTENT: { x: [number, number]; y: [number, number] } = { x: [-6.2, 6.2], y: [-6.2, 6.2] };
/** Distance of the line-turning handle from x, in math units. */
const TURN_R = 2;

interface Row {
  key: string;
  label: string;
  value: number;
  color: string;
  dashed?: boolean;
}

export function mountNormBalls(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  const split = createSplit(host, {
    sideShare: 0.34,
    sideMin: 240,
    sideMax: 420,
    stackShare: 0.3,
    stackMin: 150,
    stackMax: 250,
  });
  split.side.style.overflowY = "auto";
  const plane = createPlane(split.main, {
    ...CONTENT,
    label: "The L1, L2, L∞ and Lp balls through the point x",
  });
  const line = svg("path", { fill: "none" }, plane.back);
  const minL1 = svg("path", {}, plane.back);
  const minL2 = svg("path", {}, plane.back);
  const balls = {
    linf: svg("path", { fill: "none", "stroke-linejoin": "round" }, plane.main),
    l2: svg("path", { fill: "none" }, plane.main),
    l1: svg("path", { fill: "none", "stroke-linejoin": "round" }, plane.main),
    lp: svg("path", { fill: "none", "stroke-linejoin": "round" }, plane.main),
  };
  // Where each ball crosses the positive x-axis (at its norm): a tick, a dot and a label each,
  // stacked below the axis.
  const ticks = svg("g", {}, plane.front);
  const tickMarks = ["‖x‖∞", "‖x‖₂", "‖x‖₁"].map((name) => {
    const text = svg(
      "text",
      { "text-anchor": "middle", "font-weight": 600, "paint-order": "stroke", "stroke-width": 3 },
      ticks,
    );
    text.textContent = name;
    return {
      line: svg("line", { "stroke-width": 1.2 }, ticks),
      dot: svg("circle", {}, ticks),
      text,
    };
  });
  const contacts = svg("g", {}, plane.front);
  const contactDots = [svg("circle", {}, contacts), svg("circle", {}, contacts)];
  const xLabel = createLabel(plane.front);
  const contactLabels = [createLabel(plane.front), createLabel(plane.front)];
  const banner = createBanner(split.main);

  const bars = svg("svg", { role: "img", "aria-label": "The norms of x as bars, in order" });
  bars.style.display = "block";
  split.side.appendChild(bars);
  const note = document.createElement("div");
  note.style.cssText = "margin:0 0.8rem 0.8rem;color:var(--muted);font-size:0.86em;line-height:1.4";
  split.side.appendChild(note);
  // The side note: up to three paragraphs, rewritten only when their text changes.
  const paras = [0, 1, 2].map(() => {
    const el = document.createElement("p");
    el.style.margin = "0 0 0.5em";
    return note.appendChild(el);
  });

  const hx = createHandle(plane, {
    name: "point x",
    step: 0.1,
    onMove: (x, y) => ctx.set({ px: x, py: y }),
  });
  const hl = createHandle(plane, {
    name: "direction of the line through x",
    step: 0.1,
    constrain: (x, y) => {
      const p = ctx.params();
      const d = Math.hypot(x - p.px, y - p.py) || 1;
      return [p.px + (TURN_R * (x - p.px)) / d, p.py + (TURN_R * (y - p.py)) / d];
    },
    onMove: (x, y) => {
      const p = ctx.params();
      const deg = (Math.atan2(y - p.py, x - p.px) * 180) / Math.PI;
      ctx.set({ lineAngle: Math.round(((deg % 180) + 180) % 180) });
    },
  });
  let sideSize = { width: 300, height: 300 };
  let mainSize = { width: 300, height: 300 };
  let stacked = false;

  // The bar chart's title and four rows are made once and moved: a step rewrites only what changed.
  const barTitle = svg("text", { "font-weight": 600 }, bars);
  const barRows = new Map(
    ["inf", "2", "1", "p"].map((key) => [
      key,
      {
        label: svg("text", { "font-weight": 600 }, bars),
        rect: svg("rect", { rx: 3 }, bars),
        value: svg("text", {}, bars),
      },
    ]),
  );

  function drawBars(m: NormModel, pal: Palette): void {
    const { width } = sideSize;
    const fs = pal.fontSize;
    const pad = 0.8 * fs;
    const rowH = fs * (stacked ? 1.55 : 1.9);
    const rows: Row[] = [
      { key: "inf", label: "‖x‖∞", value: m.linf, color: pal.c[1] },
      { key: "2", label: "‖x‖₂", value: m.l2, color: pal.c[2] },
      { key: "1", label: "‖x‖₁", value: m.l1, color: pal.c[0] },
    ];
    // ‖x‖ₚ is non-increasing in p: the p row goes after the named rows with p' ≥ p.
    const named = [Infinity, 2, 1];
    const at = named.filter((q) => q >= m.p).length;
    rows.splice(at, 0, {
      key: "p",
      label: `‖x‖ₚ, p = ${pName(m.p)}`,
      value: m.lp,
      color: pal.c[3],
      dashed: true,
    });
    const labelW = 6.6 * fs;
    const valueW = 3.6 * fs;
    const top = pad + fs * 1.3;
    const height = top + rows.length * rowH + pad * 0.5;
    attrs(bars, { width, height, viewBox: `0 0 ${width} ${height}` });
    attrs(barTitle, { x: pad, y: pad + fs * 0.8, fill: pal.fg, "font-size": fs * 0.95 });
    setText(barTitle, "‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁");
    const maxV = Math.max(...rows.map((r) => r.value));
    const span = Math.max(10, width - pad * 2 - labelW - valueW);
    rows.forEach((r, i) => {
      const el = barRows.get(r.key)!;
      const y = top + i * rowH;
      attrs(el.label, { x: pad, y: y + rowH * 0.62, fill: r.color, "font-size": fs * 0.82 });
      setText(el.label, r.label);
      const w = maxV > 0 ? (span * r.value) / maxV : 0;
      attrs(el.rect, {
        x: pad + labelW,
        y: y + rowH * 0.18,
        width: Math.max(w, 1),
        height: rowH * 0.62,
        fill: r.color,
        "fill-opacity": r.dashed ? 0.18 : 0.85,
        stroke: r.color,
        "stroke-width": r.dashed ? 1.5 : 0,
        "stroke-dasharray": r.dashed ? "4 3" : null,
      });
      attrs(el.value, {
        x: pad + labelW + w + 5,
        y: y + rowH * 0.62,
        fill: pal.fg,
        "font-size": fs * 0.82,
      });
      setText(el.value, f(r.value));
    });
  }

  return {
    update(_p: NormParams, m: NormModel) {
      const pal = ctx.palette();
      const lw = pal.lineWidth;
      const em = pal.fontSize / 15;
      fitWithReserve(plane, CONTENT, mainSize, { top: bannerReserve(pal) });
      plane.drawGrid(pal);
      const s = m.sparse;
      // The sparsity picture is about the line and the smallest balls touching it: the balls
      // through x step aside.
      const fade = s ? 0 : 1;
      const path = (pts: readonly Pt[]) => polyline(pts.map(plane.px)) + "Z";
      attrs(balls.linf, {
        d: path(m.balls.linf),
        stroke: pal.c[1],
        "stroke-width": lw * 1.2,
        opacity: fade,
      });
      attrs(balls.l2, {
        d: path(m.balls.l2),
        stroke: pal.c[2],
        "stroke-width": lw * 1.2,
        opacity: fade,
      });
      attrs(balls.l1, {
        d: path(m.balls.l1),
        stroke: pal.c[0],
        "stroke-width": lw * 1.2,
        opacity: fade,
      });
      attrs(balls.lp, {
        d: path(m.balls.lp),
        stroke: pal.c[3],
        "stroke-width": lw * 2,
        "stroke-dasharray": "7 5",
        opacity: fade,
      });

      // Where each ball crosses the positive x-axis: at its norm. Labels stack below the axis.
      const oy = plane.px([0, 0])[1];
      const marks = [
        { v: m.linf, color: pal.c[1] },
        { v: m.l2, color: pal.c[2] },
        { v: m.l1, color: pal.c[0] },
      ];
      ticks.style.display = s ? "none" : "";
      if (!s)
        marks.forEach((k, i) => {
          const x = plane.sx(k.v);
          const depth = (18 + 17 * i) * em;
          const el = tickMarks[i];
          attrs(el.line, { x1: x, x2: x, y1: oy, y2: oy + depth - 12 * em, stroke: k.color });
          attrs(el.dot, { cx: x, cy: oy, r: 3.5 * em, fill: k.color });
          attrs(el.text, {
            x: x,
            y: oy + depth,
            fill: k.color,
            "font-size": pal.fontSize * 0.78,
            stroke: pal.bg,
          });
        });

      // The sparsity picture: a line through x, the smallest diamond and circle that touch it.
      contacts.style.display = s ? "" : "none";
      if (s) {
        const vis = plane.visible();
        const far = 3 * Math.max(...vis.x.map(Math.abs), ...vis.y.map(Math.abs));
        attrs(line, {
          d: polyline([
            plane.px([m.x[0] - far * s.dir[0], m.x[1] - far * s.dir[1]]),
            plane.px([m.x[0] + far * s.dir[0], m.x[1] + far * s.dir[1]]),
          ]),
          stroke: pal.fg,
          "stroke-width": lw * 1.1,
        });
        attrs(minL1, {
          d: path(s.l1Ball),
          fill: pal.c[0],
          "fill-opacity": 0.16,
          stroke: pal.c[0],
          "stroke-width": lw * 1.4,
          "stroke-linejoin": "round",
        });
        attrs(minL2, {
          d: path(s.l2Ball),
          fill: pal.c[2],
          "fill-opacity": 0.1,
          stroke: pal.c[2],
          "stroke-width": lw * 1.4,
        });
        const hits: [readonly number[], string, string][] = [
          [s.l1.point, pal.c[0], "min ‖z‖₁"],
          [s.l2.point, pal.c[2], "min ‖z‖₂"],
        ];
        // Labels go on the side of the line away from the origin, where the balls are not.
        const out: Pt = s.c >= 0 ? s.w : [-s.w[0], -s.w[1]];
        hits.forEach(([q, color, text], i) => {
          const [cx, cy] = plane.px([q[0], q[1]]);
          attrs(contactDots[i], {
            cx,
            cy,
            r: 6 * em,
            fill: color,
            stroke: pal.bg,
            "stroke-width": 2,
          });
          const w = text.length * 8.2 * em;
          const dx = out[0] >= 0 ? 8 * em : -w - 8 * em;
          const dy = -out[1] * 14 * em + (out[1] >= 0 ? -4 : 14) * em;
          contactLabels[i].update([cx, cy], text, color, pal, [dx, dy]);
        });
        // The turning handle sits on the side of x farther from the contact points.
        const side = [1, -1].reduce(
          (best, k) => {
            const tipK: Pt = [m.x[0] + k * TURN_R * s.dir[0], m.x[1] + k * TURN_R * s.dir[1]];
            const gap = Math.min(...hits.map(([q]) => Math.hypot(q[0] - tipK[0], q[1] - tipK[1])));
            return gap > best.gap ? { k, gap } : best;
          },
          { k: 1, gap: -1 },
        ).k;
        const tip: Pt = [m.x[0] + side * TURN_R * s.dir[0], m.x[1] + side * TURN_R * s.dir[1]];
        hl.el.style.display = "";
        hl.update(tip[0], tip[1], pal, pal.muted);
      } else {
        attrs(line, { d: "" });
        attrs(minL1, { d: "" });
        attrs(minL2, { d: "" });
        contactLabels.forEach((l) => l.hide());
        hl.el.style.display = "none";
      }

      hx.update(m.x[0], m.x[1], pal, pal.fg);
      if (s) {
        const out: Pt = s.c >= 0 ? s.w : [-s.w[0], -s.w[1]];
        xLabel.update(plane.px(m.x), "x", pal.fg, pal, [
          out[0] >= 0 ? 14 * em : -24 * em,
          out[1] >= 0 ? -12 * em : 22 * em,
        ]);
      } else xLabel.update(plane.px(m.x), `x = ${pt(m.x)}`, pal.fg, pal, [12, -12]);

      if (s) {
        const c0 = s.c === 0;
        if (c0)
          banner.show(
            "The line passes through 0, so the smallest ball of every norm is the single point 0. Turn or move the line.",
            pal.muted,
          );
        else if (!s.l1.unique)
          banner.show(
            "The line is parallel to a diamond edge, so a whole edge touches it: here the L1 minimum is not unique. Turn the line a little.",
            pal.c[0],
          );
        else
          banner.show(
            `The smallest diamond touches the line at a corner, ${pt(s.l1.point)}: one coordinate is 0 (sparse). The circle touches at ${pt(s.l2.point)}, where neither is.`,
            pal.c[0],
          );
      } else if (m.linf === 0)
        banner.show("x = 0: every norm is 0 and every ball shrinks to a point.", pal.muted);
      else if (m.onAxis)
        banner.show(
          `x lies on an axis: all norms equal ${f(m.l1)}, and every ball passes through its corner there.`,
          pal.c[0],
        );
      else if (m.onDiagonal)
        banner.show(
          `On a diagonal the norms are furthest apart: ‖x‖₁ = 2‖x‖∞ and ‖x‖₂ = √2‖x‖∞ = ${f(m.l2)}.`,
          pal.c[2],
        );
      else if (m.p < 1)
        banner.show(
          `p = ${pName(m.p)} < 1: the dashed “ball” is not convex (‖·‖ₚ is only a quasi-norm); its spikes sit on the axes.`,
          pal.c[3],
        );
      else
        banner.show(
          `‖x‖∞ = ${f(m.linf)} ≤ ‖x‖₂ = ${f(m.l2)} ≤ ‖x‖₁ = ${f(m.l1)}: each ball crosses the axis at its norm.`,
          pal.c[2],
        );

      drawBars(m, pal);
      const lines = s
        ? [
            "L1's corners sit on the axes. Grow a diamond until it touches a line and it almost always touches at a corner, where a coordinate is exactly 0; a circle has no corners.",
            "That is why the lasso (an L1 penalty) sets weights to exactly zero and ridge (L2) only shrinks them. Drag x, or the grey handle to turn the line.",
          ]
        : [
            "Each ball is the set of points with the same norm as x, so it passes through x and crosses the axis at that norm.",
            `The other way round, in ℝ²: ‖x‖₁ ≤ √2‖x‖₂ and ‖x‖₂ ≤ √2‖x‖∞. Here ${f(m.l1)} ≤ ${f(Math.SQRT2 * m.l2)} and ${f(m.l2)} ≤ ${f(Math.SQRT2 * m.linf)}.`,
            "Why does L1 favour sparse points? Its corners sit on the axes: tick “why L1 is sparse”.",
          ];
      paras.forEach((el, i) => {
        el.hidden = i >= lines.length;
        setText(el, lines[i] ?? "");
      });
    },
    resize({ width, height }: { width: number; height: number }) {
      const l = split.layout(width, height);
      stacked = l.stacked;
      sideSize = l.side;
      mainSize = l.main;
      plane.resize(l.main.width, l.main.height);
    },
    dispose() {
      plane.svg.remove();
      banner.remove();
      split.remove();
    },
  };
}
