// The picture of svd: the unit circle (or sphere) carried through Vᵀ, Σ and U as the stage moves,
// the arrows that start as v₁, v₂ and end as the semi-axes σ₁u₁, σ₂u₂, faint guides for where it
// starts and ends, a strip to jump between stages, and the shapes panel of the thin and full SVD.
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import { createArrow, type Arrow } from "../../src/draw/arrow";
import { bannerReserve, fitWithReserve } from "../../src/draw/fit";
import { createHandle } from "../../src/draw/handle";
import { createBanner, createLabel } from "../../src/draw/label";
import { createPlane, type Pt } from "../../src/draw/plane";
import { createSplit } from "../../src/draw/split";
import { attrs, polyline, svg } from "../../src/draw/svg";
import type { SvdModel, SvdParams, params as schema } from "./model";
import { createShapesPanel } from "./panel";

/** Stages per second while playing: the three steps take six seconds. */
const SPEED = 0.5;
const SUB = ["₁", "₂", "₃"];
const STAGES = ["x", "Vᵀx", "ΣVᵀx", "Ax"];

const deg = (rad: number) => f((rad * 180) / Math.PI, 3);

/** The name of arrow i after whole stage k (0 … 3). */
function arrowName(m: SvdModel, i: number, k: number): string {
  if (k === 0) return `v${SUB[i]}`;
  if (k === 1) return `e${SUB[i]}`;
  if (i >= 2 || m.s[i] === 0) return "0";
  return k === 2 ? `σ${SUB[i]}e${SUB[i]}` : `σ${SUB[i]}u${SUB[i]}`;
}

/** The label of arrow i: what it is at a whole stage, and "from → to" while it moves. */
function arrowLabel(m: SvdModel, i: number): string {
  const k = Math.round(m.stage);
  if (Math.abs(m.stage - k) < 0.005) {
    const name = arrowName(m, i, k);
    if (k >= 2 && name === "0")
      return i >= 2
        ? `${k === 3 ? "Av₃" : "Σe₃"} = 0`
        : `σ${SUB[i]}${k === 3 ? "u" : "e"}${SUB[i]} = 0`;
    return name;
  }
  const from = Math.floor(m.stage);
  const a = arrowName(m, i, from);
  const b = arrowName(m, i, from + 1);
  return a === b ? a : `${a} → ${b}`;
}

/** The banner sentence for the current stage. */
function stageSentence(m: SvdModel): string {
  const st = m.stage;
  const [s1, s2] = m.s;
  const vt = m.motions.vtRotation;
  const u = m.motions.uRotation;
  const plane2 = m.cols === 2;
  // A turn of the plane is about e₃; its sign says which way.
  const turnV = plane2
    ? `a turn by ${deg(vt.angle * Math.sign(vt.axis[2] || 1))}°`
    : `a turn by ${deg(vt.angle)}° about an axis`;
  const turnU =
    m.rows === 2
      ? `by ${deg(u.angle * Math.sign(u.axis[2] || 1))}°`
      : `by ${deg(u.angle)}° about an axis, lifting the plane into ℝ³`;
  const what = plane2 ? "circle" : "sphere";
  if (s1 === 0)
    return "A = 0: σ₁ = σ₂ = 0 and everything collapses to the origin (any orthonormal U and V will do).";
  if (st <= 0)
    return `The unit ${what} and the right singular vectors v₁, v₂${plane2 ? "" : ", v₃"}. Press play, step (→) or drag “stage” to apply Vᵀ, then Σ, then U.`;
  if (st < 1)
    return `Vᵀ turns v₁, v₂ onto the axes: ${turnV}${m.steps.reflectV ? ", then a reflection (det A < 0)" : ""}. The ${what} itself does not change.`;
  if (st === 1)
    return `After Vᵀ: v₁ → e₁ and v₂ → e₂. Vᵀ is orthogonal, so lengths and angles are unchanged.`;
  if (st < 2)
    return `Σ stretches along the axes: ×σ₁ = ${f(s1)} along e₁, ×σ₂ = ${f(s2)} along e₂${m.cols === 3 ? ", and ×0 along e₃ (the sphere flattens)" : ""}.`;
  if (st === 2)
    return m.rank < 2
      ? `After ΣVᵀ: σ₂ = 0 flattened the ${what} onto e₁, a segment of half-length σ₁ = ${f(s1)}.`
      : `After ΣVᵀ: an ellipse along the axes with semi-axes σ₁ = ${f(s1)} and σ₂ = ${f(s2)}.`;
  if (st < 3) return `U turns the ellipse into place, ${turnU}.`;
  if (m.rank === 1)
    return `σ₂ = 0: A has rank 1 and the ${what} collapses to a segment along u₁ of half-length σ₁ = ${f(s1)}.`;
  if (Math.abs(s1 - s2) <= 1e-9 * s1)
    return `σ₁ = σ₂ = ${f(s1)}: the circle stays a circle, every direction is a singular direction, and U, V are not unique.`;
  const where =
    m.rows === 3
      ? ", in the column space of A (a plane in ℝ³)"
      : m.cols === 3
        ? "; v₃ spans the null space (Av₃ = 0)"
        : "";
  return `A = UΣVᵀ: the ellipse's semi-axes are σ₁u₁ and σ₂u₂, with σ₁ = ${f(s1)} and σ₂ = ${f(s2)}${where}.`;
}

export function mountSvd(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  const split = createSplit(host, {
    sideShare: 0.36,
    sideMin: 250,
    sideMax: 460,
    stackShare: 0.36,
    stackMin: 170,
    stackMax: 300,
  });
  const plane = createPlane(split.main, {
    x: [-2, 2],
    y: [-2, 2],
    label: "The unit circle carried through Vᵀ, Σ and U",
  });
  const floor = svg("path", {}, plane.back);
  const axes = svg("g", {}, plane.back);
  const startGuide = svg("g", {}, plane.back);
  const endGuide = svg("g", {}, plane.back);
  const fill = svg("path", {}, plane.main);
  const curves = svg("g", {}, plane.main);
  const arrows: Arrow[] = [createArrow(plane), createArrow(plane), createArrow(plane)];
  const colArrows: Arrow[] = [createArrow(plane, plane.back), createArrow(plane, plane.back)];
  const labels = [createLabel(plane.front), createLabel(plane.front), createLabel(plane.front)];
  const colLabels = [createLabel(plane.front), createLabel(plane.front)];
  const axisLabels = [createLabel(plane.back), createLabel(plane.back), createLabel(plane.back)];
  const banner = createBanner(split.main);
  split.side.style.overflowY = "auto";
  const panel = createShapesPanel(split.side);

  // The stage strip: four buttons that jump to a whole stage, the current one marked.
  const strip = document.createElement("div");
  strip.style.cssText =
    "position:absolute;left:0.6rem;bottom:0.6rem;display:flex;gap:0.3rem;flex-wrap:wrap";
  strip.setAttribute("role", "group");
  strip.setAttribute("aria-label", "Jump to a stage");
  const stageButtons = STAGES.map((name, k) => {
    const b = document.createElement("button");
    b.textContent = `${k} · ${name}`;
    b.style.cssText =
      "font:inherit;font-size:0.82em;padding:0.2em 0.6em;border-radius:999px;border:1px solid var(--border);background:var(--panel);color:var(--fg);cursor:pointer;min-height:2em";
    b.addEventListener("click", () => {
      ctx.pause();
      ctx.set({ stage: k });
    });
    strip.appendChild(b);
    return b;
  });
  split.main.appendChild(strip);

  const setColumn = (j: 0 | 1, x: number, y: number) =>
    ctx.set(j === 0 ? { a11: x, a21: y } : { a12: x, a22: y });
  const colHandles = [
    createHandle(plane, {
      name: "column 1 of A (Ae₁)",
      step: 0.1,
      onMove: (x, y) => setColumn(0, x, y),
    }),
    createHandle(plane, {
      name: "column 2 of A (Ae₂)",
      step: 0.1,
      onMove: (x, y) => setColumn(1, x, y),
    }),
  ];

  // In the 3-D views, dragging the background turns the view.
  let orbit: { id: number; x: number; turn: number } | null = null;
  const onDown = (e: PointerEvent) => {
    if (
      !ctx.params().shape ||
      ctx.params().shape === "2x2" ||
      (e.target as Element).closest("[data-handle]")
    )
      return;
    orbit = { id: e.pointerId, x: e.clientX, turn: ctx.params().turn };
    plane.svg.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    if (!orbit || e.pointerId !== orbit.id) return;
    const t = orbit.turn - (e.clientX - orbit.x) * 0.5;
    ctx.set({ turn: Math.round((((t + 180) % 360) + 360) % 360) - 180 });
  };
  const onUp = () => (orbit = null);
  plane.svg.addEventListener("pointerdown", onDown);
  plane.svg.addEventListener("pointermove", onMove);
  plane.svg.addEventListener("pointerup", onUp);
  plane.svg.addEventListener("pointercancel", onUp);

  let mainSize = { width: 300, height: 300 };
  let lastT: number | null = null;
  let playStage: number | null = null;

  function drawCurves(
    g: SVGGElement,
    list: Pt[][],
    style: Record<string, string | number>,
    pal: Palette,
  ): void {
    void pal;
    g.replaceChildren();
    list.forEach((c, i) =>
      svg(
        "path",
        { d: polyline(c.map(plane.px)), fill: "none", ...style, opacity: i === 0 ? 1 : 0.55 },
        g,
      ),
    );
  }

  return {
    update(p: SvdParams, m: SvdModel) {
      const pal = ctx.palette();
      const lw = pal.lineWidth;
      const em = pal.fontSize / 15;
      const e = m.extent;
      fitWithReserve(plane, { x: [-e, e], y: [-e, e] }, mainSize, {
        top: bannerReserve(pal),
        bottom: 14 + 2.2 * pal.fontSize,
      });
      if (m.is3d) plane.grid.replaceChildren();
      else plane.drawGrid(pal);
      plane.svg.style.cursor = m.is3d ? "ew-resize" : "";

      // 3-D: the axes, and the plane the image lies in after Σ (turned by U for a tall A).
      axes.replaceChildren();
      if (m.is3d) {
        attrs(floor, {
          d: polyline(m.floor.map(plane.px)) + "Z",
          fill: pal.muted,
          "fill-opacity": 0.07,
          stroke: pal.muted,
          "stroke-opacity": 0.35,
          "stroke-width": 1,
        });
        m.axes.forEach((tip, i) => {
          svg(
            "path",
            {
              d: polyline([plane.px([-tip[0], -tip[1]]), plane.px([0, 0])]),
              stroke: "var(--axis)",
              "stroke-width": 1,
              "stroke-dasharray": "3 4",
            },
            axes,
          );
          svg(
            "path",
            {
              d: polyline([plane.px([0, 0]), plane.px(tip)]),
              stroke: "var(--axis)",
              "stroke-width": 1.4,
            },
            axes,
          );
          axisLabels[i].update(plane.px(tip), `e${SUB[i]}`, pal.muted, pal, [4, -4]);
        });
      } else {
        attrs(floor, { d: "" });
        axisLabels.forEach((l) => l.hide());
      }

      // Guides: where the circle starts (dashed) and where it ends (the image under A).
      drawCurves(
        startGuide,
        [m.startOutline],
        { stroke: pal.muted, "stroke-width": 1, "stroke-dasharray": "4 4" },
        pal,
      );
      drawCurves(
        endGuide,
        m.stage < 3 ? [m.endOutline] : [],
        { stroke: pal.c[0], "stroke-width": 1, "stroke-dasharray": "2 4", "stroke-opacity": 0.7 },
        pal,
      );

      // The current image: the outline filled, the curves drawn.
      attrs(fill, {
        d: polyline(m.outline.map(plane.px)) + "Z",
        fill: pal.c[0],
        "fill-opacity": 0.1,
        stroke: m.cols === 3 ? pal.c[0] : "none",
        "stroke-width": lw,
        "stroke-opacity": 0.5,
      });
      drawCurves(
        curves,
        m.curves,
        { stroke: pal.c[0], "stroke-width": lw * 1.3, "stroke-linejoin": "round" },
        pal,
      );

      const colors = [pal.c[1], pal.c[2], pal.c[4]];
      arrows.forEach((a, i) => {
        const tip = m.arrows[i];
        if (!tip) {
          a.hide();
          labels[i].hide();
          return;
        }
        a.update([0, 0], tip, colors[i], lw * 1.6);
        const len = Math.hypot(tip[0], tip[1]);
        const at = plane.px(tip);
        const text = arrowLabel(m, i);
        if (len * plane.unit() < 6) {
          // A collapsed arrow: its label is stacked beside the origin, one line per arrow.
          labels[i].update(at, text, colors[i], pal, [10 * em, (-8 + 18 * i) * em]);
          return;
        }
        const dir: Pt = [tip[0] / len, tip[1] / len];
        const leftward = dir[0] < -0.2;
        labels[i].update(
          [at[0] + dir[0] * 10 * em, at[1] - dir[1] * 10 * em],
          text,
          colors[i],
          pal,
          [leftward ? -text.length * 7.4 * em : 2, dir[1] < 0 ? 14 * em : -2],
        );
      });

      // The columns of a 2×2 A, draggable once the picture shows A itself.
      const showCols = m.shape === "2x2" && m.stage >= 2.995;
      colArrows.forEach((a, j) => {
        const c = m.columns[j];
        if (!showCols || !c) {
          a.hide();
          colLabels[j].hide();
          colHandles[j].el.style.display = "none";
          return;
        }
        a.update([0, 0], c, pal.muted, Math.max(1, lw * 0.8), { dash: "5 4", opacity: 0.8 });
        colLabels[j].update(plane.px(c), `Ae${SUB[j]}`, pal.muted, pal, [8, 16 * em]);
        colHandles[j].el.style.display = "";
        colHandles[j].update(c[0], c[1], pal, pal.muted);
      });

      banner.show(stageSentence(m), m.rank < 2 ? pal.c[4] : pal.c[0]);
      const cur = Math.round(m.stage);
      stageButtons.forEach((b, k) => {
        const on = k === cur && Math.abs(m.stage - k) < 0.005;
        b.style.borderColor = k === cur ? pal.accent : "var(--border)";
        b.style.fontWeight = on ? "700" : "400";
        b.setAttribute("aria-pressed", String(on));
      });
      panel.draw(p.m, p.n, m.panel.thin, m.panel.full, pal);
    },
    frame(t: number) {
      const p = ctx.params();
      if (lastT === null) {
        // A frozen clock (clock=…, for screenshots) is not playing: the URL's stage stands.
        if (!ctx.playing()) return true;
        lastT = t;
        playStage = p.stage >= 3 ? 0 : p.stage;
        ctx.set({ stage: playStage });
        return false;
      }
      const dt = t < lastT ? 0 : t - lastT;
      lastT = t;
      // A slider moved during play wins over the animation's own position.
      const from = playStage !== null && Math.abs(playStage - p.stage) < 0.02 ? playStage : p.stage;
      playStage = Math.min(3, from + SPEED * dt);
      ctx.set({ stage: playStage });
      if (playStage >= 3) {
        lastT = null;
        playStage = null;
        return true;
      }
      return false;
    },
    step() {
      const s = ctx.params().stage;
      ctx.set({ stage: s >= 3 ? 0 : Math.floor(s + 1e-9) + 1 });
    },
    reset() {
      lastT = null;
      playStage = null;
    },
    resize({ width, height }: { width: number; height: number }) {
      const l = split.layout(width, height);
      mainSize = l.main;
      plane.resize(l.main.width, l.main.height);
      panel.resize(l.side.width, l.side.height);
    },
    dispose() {
      plane.svg.removeEventListener("pointerdown", onDown);
      plane.svg.removeEventListener("pointermove", onMove);
      plane.svg.removeEventListener("pointerup", onUp);
      plane.svg.removeEventListener("pointercancel", onUp);
      plane.svg.remove();
      banner.remove();
      strip.remove();
      panel.remove();
      split.remove();
    },
  };
}
