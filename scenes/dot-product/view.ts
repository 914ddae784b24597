// The picture of dot-product: the half-planes where xᵀy > 0 and < 0, the perpendicular that
// separates them, the arrows x and y with handles, the projection of y onto x with its drop line,
// the angle θ coloured by its kind, and the two computations of xᵀy side by side.
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import { createArrow } from "../../src/draw/arrow";
import { createCard } from "../../src/draw/card";
import { bannerReserve, fitWithReserve } from "../../src/draw/fit";
import { createHandle } from "../../src/draw/handle";
import { createBanner, createLabel } from "../../src/draw/label";
import { createPlane, type Pt } from "../../src/draw/plane";
import { attrs, polyline, svg } from "../../src/draw/svg";
import type { AngleKind } from "../../src/core/alignment";
import {
  dragPoint,
  snapPerpendicular,
  type DotModel,
  type DotParams,
  type params as schema,
} from "./model";

/** A pointer drag within this many pixels of the perpendicular snaps onto it. */
const SNAP_PX = 12;

/** The part of the plane that must stay clear of the banner and the card (the params' range). */
const CONTENT: { x: [number, number]; y: [number, number] } = { x: [-5.6, 5.6], y: [-5.6, 5.6] };

/** A factor in a product, parenthesised when negative. */
const pf = (v: number) => (v < 0 ? `(${f(v)})` : f(v));

function kindColor(kind: AngleKind, pal: Palette): string {
  return kind === "acute"
    ? pal.good
    : kind === "obtuse"
      ? pal.bad
      : kind === "right"
        ? pal.fg
        : pal.muted;
}

export function mountDotProduct(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  const plane = createPlane(host, {
    ...CONTENT,
    label: "Two vectors x and y in the plane, with the projection of y onto x",
  });
  const tintPos = svg("path", { stroke: "none" }, plane.back);
  const tintNeg = svg("path", { stroke: "none" }, plane.back);
  const spanLine = svg("path", { fill: "none" }, plane.back);
  const perpLine = svg("path", { fill: "none" }, plane.back);
  const posLabel = createLabel(plane.back);
  const negLabel = createLabel(plane.back);
  const perpLabel = createLabel(plane.back);
  const drop = svg("path", { fill: "none" }, plane.main);
  const footMark = svg("path", { fill: "none" }, plane.main);
  const arc = svg("path", { fill: "none" }, plane.main);
  const projArrow = createArrow(plane);
  const xArrow = createArrow(plane);
  const yArrow = createArrow(plane);
  const labels = {
    x: createLabel(plane.front),
    y: createLabel(plane.front),
    proj: createLabel(plane.front),
    theta: createLabel(plane.front),
  };
  const banner = createBanner(host);
  const card = createCard(host, "bottom-left");

  let box = { width: 300, height: 300 };

  // Keyboard moves snap only when they cross the perpendicular, so a key press can leave it again.
  let keyMove = false;
  const move = (which: "x" | "y", px: number, py: number) => {
    const viaKey = keyMove;
    keyMove = false;
    const p = ctx.params();
    const current: Pt = which === "x" ? [p.x1, p.x2] : [p.y1, p.y2];
    const other: Pt = which === "x" ? [p.y1, p.y2] : [p.x1, p.x2];
    let target = dragPoint(px, py);
    const on = Math.hypot(other[0], other[1]);
    if (on > 0) {
      const side = (v: Pt) => other[0] * v[0] + other[1] * v[1];
      const dist = Math.abs(side(target)) / on;
      const crossed = side(current) !== 0 && Math.sign(side(target)) !== Math.sign(side(current));
      const near = viaKey ? crossed : dist * plane.unit() < SNAP_PX;
      if (near)
        target =
          (snapPerpendicular(other, target, SNAP_PX / plane.unit() + 0.1) as Pt | null) ?? target;
    }
    ctx.set(which === "x" ? { x1: target[0], x2: target[1] } : { y1: target[0], y2: target[1] });
  };
  const hx = createHandle(plane, {
    name: "tip of vector x",
    step: 0.1,
    onMove: (px, py) => move("x", px, py),
  });
  const hy = createHandle(plane, {
    name: "tip of vector y",
    step: 0.1,
    onMove: (px, py) => move("y", px, py),
  });
  for (const h of [hx, hy]) {
    h.el.addEventListener("keydown", () => (keyMove = true), { capture: true });
    h.el.addEventListener("pointerdown", () => (keyMove = false));
  }

  return {
    update(_p: DotParams, m: DotModel) {
      const pal = ctx.palette();
      const lw = pal.lineWidth;
      const a = m.a;
      const em = pal.fontSize / 15;
      fitWithReserve(plane, CONTENT, box, {
        top: bannerReserve(pal),
        bottom: 20 + 4.4 * pal.fontSize,
      });
      const u = plane.unit();
      plane.drawGrid(pal);
      const vis = plane.visible();
      const far = 2 * Math.max(...vis.x.map(Math.abs), ...vis.y.map(Math.abs));
      const kc = kindColor(a.kind, pal);

      // The half-planes xᵀz > 0 and xᵀz < 0, split by the line perpendicular to x.
      if (a.normX > 0) {
        const xh: Pt = [m.x[0] / a.normX, m.x[1] / a.normX];
        const n: Pt = [-xh[1], xh[0]];
        const quad = (s: number) =>
          polyline(
            (
              [
                [far * n[0], far * n[1]],
                [far * (n[0] + s * xh[0]), far * (n[1] + s * xh[1])],
                [far * (-n[0] + s * xh[0]), far * (-n[1] + s * xh[1])],
                [-far * n[0], -far * n[1]],
              ] as Pt[]
            ).map(plane.px),
          ) + "Z";
        attrs(tintPos, {
          d: quad(1),
          fill: pal.good,
          "fill-opacity": a.kind === "acute" ? 0.1 : 0.05,
        });
        attrs(tintNeg, {
          d: quad(-1),
          fill: pal.bad,
          "fill-opacity": a.kind === "obtuse" ? 0.1 : 0.05,
        });
        const line = (d: Pt) =>
          polyline([plane.px([-far * d[0], -far * d[1]]), plane.px([far * d[0], far * d[1]])]);
        attrs(spanLine, {
          d: line(xh),
          stroke: pal.c[0],
          "stroke-opacity": 0.35,
          "stroke-width": 1,
          "stroke-dasharray": "2 5",
        });
        attrs(perpLine, {
          d: line(n),
          stroke: a.kind === "right" ? pal.fg : pal.muted,
          "stroke-width": a.kind === "right" ? lw * 1.2 : 1.2,
          "stroke-dasharray": "7 5",
        });
        // Labels sit in the middle of each half-plane's visible part, and at the end of the perpendicular.
        const reach = (0.62 * Math.min(vis.x[1] - vis.x[0], vis.y[1] - vis.y[0])) / 2;
        const nSide = n[1] >= 0 ? n : ([-n[0], -n[1]] as Pt);
        posLabel.update(
          plane.px([reach * (xh[0] + 0.7 * nSide[0]), reach * (xh[1] + 0.7 * nSide[1])]),
          "xᵀy > 0",
          pal.good,
          pal,
          [-24 * em, 4],
        );
        negLabel.update(
          plane.px([reach * (-xh[0] + 0.7 * nSide[0]), reach * (-xh[1] + 0.7 * nSide[1])]),
          "xᵀy < 0",
          pal.bad,
          pal,
          [-24 * em, 4],
        );
        const endN: Pt = nSide[0] >= 0 ? nSide : ([-nSide[0], -nSide[1]] as Pt);
        perpLabel.update(
          plane.px([1.25 * reach * endN[0], 1.25 * reach * endN[1]]),
          "xᵀy = 0",
          a.kind === "right" ? pal.fg : pal.muted,
          pal,
          [8, 14],
        );
      } else {
        for (const el of [tintPos, tintNeg, spanLine, perpLine]) attrs(el, { d: "" });
        posLabel.hide();
        negLabel.hide();
        perpLabel.hide();
      }

      // The projection, the drop from y to the line of x, and the right angle at its foot.
      const proj: Pt = [a.projection[0], a.projection[1]];
      const rn = Math.hypot(m.residual[0], m.residual[1]);
      const projShown = a.normX > 0 && a.kind !== "undefined";
      if (projShown && rn > 1e-9) {
        attrs(drop, {
          d: polyline([plane.px(m.y), plane.px(proj)]),
          stroke: pal.c[3],
          "stroke-width": 1.5,
          "stroke-dasharray": "4 4",
        });
      } else attrs(drop, { d: "" });
      if (projShown && rn > 1e-9 && Math.hypot(proj[0], proj[1]) > 1e-9) {
        const s = (9 * em) / u;
        const toward: Pt = [-proj[0] / Math.hypot(...proj), -proj[1] / Math.hypot(...proj)];
        const up: Pt = [m.residual[0] / rn, m.residual[1] / rn];
        const c1: Pt = [proj[0] + s * toward[0], proj[1] + s * toward[1]];
        const c3: Pt = [proj[0] + s * up[0], proj[1] + s * up[1]];
        const c2: Pt = [c1[0] + s * up[0], c1[1] + s * up[1]];
        attrs(footMark, {
          d: polyline([c1, c2, c3].map(plane.px)),
          stroke: pal.c[3],
          "stroke-width": 1.2,
        });
      } else attrs(footMark, { d: "" });
      if (projShown && Math.hypot(proj[0], proj[1]) > 1e-9) {
        projArrow.update([0, 0], proj, pal.c[3], lw * 4, { opacity: 0.55 });
        labels.proj.update(plane.px(proj), "projₓy", pal.c[3], pal, [-10 * em, 20 * em]);
      } else {
        projArrow.hide();
        labels.proj.hide();
      }

      // The angle θ, coloured by its kind; a square corner at exactly 90°.
      if (a.angle !== null) {
        const ax = Math.atan2(m.x[1], m.x[0]);
        const ay = Math.atan2(m.y[1], m.y[0]);
        let delta = ay - ax;
        while (delta > Math.PI) delta -= 2 * Math.PI;
        while (delta <= -Math.PI) delta += 2 * Math.PI;
        const rho = Math.max(18 * em, Math.min(44 * em, 0.45 * Math.min(a.normX, a.normY) * u));
        const [cx, cy] = plane.px([0, 0]);
        const at = (phi: number, r: number): Pt => [cx + r * Math.cos(phi), cy - r * Math.sin(phi)];
        if (a.kind === "right") {
          const s = rho * 0.6;
          const e1 = at(ax, s);
          const e2 = at(ax + delta, s);
          attrs(arc, {
            d: polyline([e1, [e1[0] + e2[0] - cx, e1[1] + e2[1] - cy], e2]),
            stroke: kc,
            "stroke-width": lw * 1.2,
          });
        } else {
          const pts: Pt[] = [];
          for (let i = 0; i <= 32; i++) pts.push(at(ax + (delta * i) / 32, rho));
          attrs(arc, { d: polyline(pts), stroke: kc, "stroke-width": lw * 1.2 });
        }
        const mid = ax + delta / 2;
        const lab = at(mid, rho + 14 * em);
        // The full "θ = …°" only where it clears both arrow tips; otherwise just "θ".
        const clear = [m.x, m.y].every((v) => {
          const [tx, ty] = plane.px(v);
          return Math.hypot(tx - lab[0], ty - lab[1]) > 70 * em;
        });
        const text = clear ? `θ = ${f(m.angleDeg ?? 0)}°` : "θ";
        const width = text.length * 7.5 * em;
        labels.theta.update(lab, text, kc, pal, [Math.cos(mid) >= 0 ? -4 : -width, 5]);
      } else {
        attrs(arc, { d: "" });
        labels.theta.hide();
      }

      xArrow.update([0, 0], m.x, pal.c[0], lw * 1.6);
      yArrow.update([0, 0], m.y, pal.c[1], lw * 1.6);
      labels.x.update(plane.px(m.x), "x", pal.c[0], pal, [10, -10]);
      labels.y.update(plane.px(m.y), "y", pal.c[1], pal, [10, -10]);
      hx.update(m.x[0], m.x[1], pal, pal.c[0]);
      hy.update(m.y[0], m.y[1], pal, pal.c[1]);

      const deg = f(m.angleDeg ?? 0);
      if (a.kind === "acute")
        banner.show(
          `Acute: θ = ${deg}° < 90°, so xᵀy = ${f(a.dot, 6)} > 0. y has a component along x.`,
          kc,
        );
      else if (a.kind === "obtuse")
        banner.show(
          `Obtuse: θ = ${deg}° > 90°, so xᵀy = ${f(a.dot, 6)} < 0. y points partly against x.`,
          kc,
        );
      else if (a.kind === "right")
        banner.show("Right angle: θ = 90° exactly, so xᵀy = 0. y has no component along x.", kc);
      else banner.show(`${a.why} θ is undefined; xᵀy = 0, since every term has a zero factor.`, kc);

      const [x1, x2] = m.x;
      const [y1, y2] = m.y;
      card.rows([
        { text: `xᵀy = ${pf(x1)}·${pf(y1)} + ${pf(x2)}·${pf(y2)} = ${f(a.dot, 6)}`, strong: true },
        {
          text:
            a.angle === null
              ? "‖x‖‖y‖cos θ: θ undefined (zero vector)"
              : `‖x‖‖y‖cos θ = ${f(a.normX)}·${f(a.normY)}·${pf(a.cos ?? 0)} = ${f(a.dotFromAngle ?? 0, 6)}`,
          strong: true,
          color: kc,
        },
        { text: "Drag a tip across the dashed line: it snaps to exactly 90°.", note: true },
      ]);
    },
    resize(size: { width: number; height: number }) {
      box = size;
      plane.resize(size.width, size.height);
    },
    dispose() {
      plane.svg.remove();
      banner.remove();
      card.remove();
    },
  };
}
