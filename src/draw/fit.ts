// Fitting a plane's domain to its box with room kept free at the top for the banner (and, when a
// card sits there, at the bottom), so the sentence that matters never covers the figure, on a
// phone as on a projector.
import type { Palette } from "../kit/scene";
import type { Plane } from "./plane";

/** Pixels a two-line banner takes at the top of a stage (its offset, padding and two lines). */
export function bannerReserve(p: Palette): number {
  return 20 + 2.7 * p.fontSize;
}

/**
 * Sizes the plane to `box` and sets its domain so that `content` (math units) is as large as it
 * can be while `reserve.top` and `reserve.bottom` pixels stay free above and below it. The plane
 * keeps equal aspect, so the domain grows on the other axis too; spare height is split evenly.
 * On a box too short for the reserves, they shrink so the content keeps at least half the height.
 */
export function fitWithReserve(
  plane: Plane,
  content: { x: [number, number]; y: [number, number] },
  box: { width: number; height: number },
  reserve: { top: number; bottom?: number },
  margin = 8,
): void {
  const dx = content.x[1] - content.x[0];
  const dy = content.y[1] - content.y[0];
  const w = Math.max(50, box.width);
  const h = Math.max(50, box.height);
  const inner = h - 2 * margin;
  let top = reserve.top;
  let bottom = reserve.bottom ?? 0;
  const squeeze = Math.min(1, (inner * 0.5) / Math.max(1, top + bottom));
  top *= squeeze;
  bottom *= squeeze;
  const unit = Math.min((w - 2 * margin) / dx, (inner - top - bottom) / dy);
  const spare = Math.max(0, inner - top - bottom - dy * unit) / 2;
  const y: [number, number] = [
    content.y[0] - (bottom + spare) / unit,
    content.y[1] + (top + spare) / unit,
  ];
  // Resizing rewrites the svg's size attributes, which costs a style pass: skip it when the plane
  // already has this size and domain.
  const key = [w, h, plane.width(), plane.height(), ...content.x, ...y].join(",");
  if (fitted.get(plane) === key) return;
  fitted.set(plane, key);
  plane.resize(w, h);
  plane.setDomain(content.x, y);
}

const fitted = new WeakMap<Plane, string>();
