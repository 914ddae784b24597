// A stage laid out as a column: a banner sentence in the flow (so it never covers the figure),
// then boxes sharing the remaining height by weight, for figures stacked over one x axis (a
// histogram over its interval strip, a scatter over its per-bin spread). A ResizeObserver reports
// when any box changes size, including when the banner wraps onto another line.
import { createBanner, type Banner } from "./label";

export interface ColumnBox {
  el: HTMLElement;
  width(): number;
  height(): number;
}

export interface Column {
  root: HTMLElement;
  banner: Banner;
  boxes: ColumnBox[];
  /** The whole column's size (the host's), cached like the boxes'. */
  height(): number;
  /** Shows or hides a box (its share of the height goes to the others). */
  show(index: number, visible: boolean): void;
  remove(): void;
}

export interface ColumnPart {
  /** Share of the free height (flex-grow). */
  weight: number;
  /** Smallest height in CSS pixels. */
  minHeight?: number;
  /** A box that takes its content's height instead of a share (an SVG strip that sizes itself). */
  auto?: boolean;
}

/** Builds the column inside `host`; `onResize` runs after layout whenever a box changes size. */
export function createColumn(
  host: HTMLElement,
  parts: readonly ColumnPart[],
  onResize: () => void,
): Column {
  const root = document.createElement("div");
  const st = root.style;
  st.position = "absolute";
  st.inset = "0";
  st.display = "flex";
  st.flexDirection = "column";
  host.appendChild(root);
  const banner = createBanner(root);
  banner.el.style.position = "relative";
  banner.el.style.inset = "auto";
  banner.el.style.margin = "0.5rem 0.6rem 0.2rem";
  banner.el.style.flex = "0 0 auto";
  // Sizes are cached from the observer, so drawing on every frame of play never forces a layout.
  const sizes = new Map<Element, { width: number; height: number }>();
  const measure = (el: HTMLElement) => {
    let s = sizes.get(el);
    if (!s) {
      s = { width: el.clientWidth, height: el.clientHeight };
      sizes.set(el, s);
    }
    return s;
  };
  const boxes: ColumnBox[] = parts.map((part) => {
    const el = document.createElement("div");
    el.style.position = "relative";
    el.style.minWidth = "0";
    el.style.minHeight = `${part.minHeight ?? 0}px`;
    el.style.flex = part.auto ? "0 0 auto" : `${part.weight} 1 0px`;
    el.style.overflow = "hidden";
    root.appendChild(el);
    return { el, width: () => measure(el).width, height: () => measure(el).height };
  });
  const ro =
    typeof ResizeObserver !== "undefined"
      ? new ResizeObserver((entries) => {
          for (const e of entries) {
            const el = e.target as HTMLElement;
            sizes.set(el, { width: el.clientWidth, height: el.clientHeight });
          }
          onResize();
        })
      : null;
  for (const b of boxes) ro?.observe(b.el);
  ro?.observe(root);
  return {
    root,
    banner,
    boxes,
    height: () => measure(root).height,
    show(index, visible) {
      boxes[index].el.style.display = visible ? "" : "none";
      sizes.delete(boxes[index].el);
    },
    remove() {
      ro?.disconnect();
      root.remove();
    },
  };
}
