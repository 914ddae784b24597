// Draggable handles: big enough for a finger, driven by pointer events (mouse, pen, touch) and by
// the keyboard (arrows step; Shift coarse ×10; Alt fine ×0.1), with an aria-label that says what
// the handle is and where it sits. A handle never changes state itself: it reports the new math
// position, and the scene writes it through ctx.set, the same path as a slider.
import { formatNumber } from "../kit/format";
import { pointsOf, stepOf, type Schema } from "../kit/schema";
import type { Palette, SceneCtx } from "../kit/scene";
import type { Plane } from "./plane";
import { attrs, svg } from "./svg";

export interface Handle {
  el: SVGGElement;
  /** Moves the handle to a math position and restyles it. */
  update(x: number, y: number, p: Palette, color?: string): void;
  dispose(): void;
}

export interface HandleOptions {
  /** What the handle is, e.g. "tip of vector x". */
  name: string;
  /** Keyboard step in math units (Shift ×10, Alt ×0.1). */
  step: number;
  color?: string;
  onMove(x: number, y: number): void;
  /** Movement along one axis only (e.g. a point sliding on a curve): map a proposed point. */
  constrain?(x: number, y: number): [number, number];
}

export function createHandle(plane: Plane, opts: HandleOptions): Handle {
  // There is no ARIA role for a 2-D slider: a focusable button with a role description and a label
  // that says where it sits, moved with the arrow keys, is what screen readers announce best.
  const g = svg(
    "g",
    {
      tabindex: 0,
      role: "button",
      "aria-roledescription": "draggable point",
      "data-handle": opts.name,
      class: "lg-handle",
    },
    plane.handles,
  );
  g.style.cursor = "grab";
  g.style.touchAction = "none";
  const hit = svg("circle", { r: 22, fill: "transparent" }, g);
  const ring = svg("circle", { r: 10, "fill-opacity": 0.25, "stroke-width": 2 }, g);
  const dot = svg("circle", { r: 4 }, g);
  void hit;
  let pos: [number, number] = [0, 0];
  const move = (x: number, y: number) => {
    const [cx, cy] = opts.constrain ? opts.constrain(x, y) : [x, y];
    opts.onMove(cx, cy);
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    g.setPointerCapture(e.pointerId);
    g.style.cursor = "grabbing";
    g.focus({ preventScroll: true });
  };
  const onMovePtr = (e: PointerEvent) => {
    if (!g.hasPointerCapture(e.pointerId)) return;
    const rect = plane.svg.getBoundingClientRect();
    const [x, y] = plane.invert(e.clientX - rect.left, e.clientY - rect.top);
    move(x, y);
  };
  const onUp = (e: PointerEvent) => {
    if (g.hasPointerCapture(e.pointerId)) g.releasePointerCapture(e.pointerId);
    g.style.cursor = "grab";
  };
  const onKey = (e: KeyboardEvent) => {
    const d = e.shiftKey ? 10 : e.altKey ? 0.1 : 1;
    const s = opts.step * d;
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [-s, 0],
      ArrowRight: [s, 0],
      ArrowUp: [0, s],
      ArrowDown: [0, -s],
    };
    const dv = delta[e.key];
    if (!dv) return;
    e.preventDefault();
    e.stopPropagation();
    move(pos[0] + dv[0], pos[1] + dv[1]);
  };
  g.addEventListener("pointerdown", onDown);
  g.addEventListener("pointermove", onMovePtr);
  g.addEventListener("pointerup", onUp);
  g.addEventListener("pointercancel", onUp);
  g.addEventListener("keydown", onKey);
  return {
    el: g,
    update(x, y, p, color) {
      pos = [x, y];
      const [px, py] = plane.px([x, y]);
      const c = color ?? opts.color ?? p.accent;
      attrs(g, {
        transform:
          Number.isFinite(px) && Number.isFinite(py)
            ? `translate(${px.toFixed(1)},${py.toFixed(1)})`
            : null,
        "aria-label": `${opts.name} at (${formatNumber(x, 3)}, ${formatNumber(y, 3)}); arrow keys move it`,
      });
      attrs(ring, { r: p.handleRadius, fill: c, stroke: c, "stroke-width": p.lineWidth });
      attrs(dot, { r: Math.max(3, p.handleRadius * 0.35), fill: c });
    },
    dispose() {
      g.remove();
    },
  };
}

/**
 * A handle bound to a point declared in the schema (two number params tagged with the same
 * `point` id): its keyboard step is the params' step, and dragging writes both params at once.
 */
export function pointHandle<S extends Schema>(
  plane: Plane,
  ctx: SceneCtx<S>,
  pointId: string,
  opts: { name: string; color?: string; constrain?: HandleOptions["constrain"] },
): Handle & { sync(p: Palette): void } {
  const pair = pointsOf(ctx.schema)[pointId];
  if (!pair)
    throw new RangeError(
      `No point "${pointId}" in the schema: tag two number params with point: { id: "${pointId}" }.`,
    );
  const [kx, ky] = pair;
  const step = stepOf(ctx.schema[kx]);
  const h = createHandle(plane, {
    name: opts.name,
    step,
    color: opts.color,
    constrain: opts.constrain,
    onMove: (x, y) => ctx.set({ [kx]: x, [ky]: y } as never),
  });
  return {
    ...h,
    sync(p) {
      const params = ctx.params() as Record<string, number>;
      h.update(params[kx], params[ky], p, opts.color);
    },
  };
}
