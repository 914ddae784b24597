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
  // The banner sits in a slot that keeps room for two of its lines, and for as many as it has
  // needed since the stage last changed width: a sentence that wraps differently as a slider moves
  // would otherwise resize the figures under it on every step (a jump, and a redraw of them all).
  const slot = document.createElement("div");
  slot.style.margin = "0.5rem 0.6rem 0.2rem";
  slot.style.flex = "0 0 auto";
  const baseRoom = "calc(1.84lh + 0.6rem)";
  slot.style.minHeight = baseRoom;
  root.appendChild(slot);
  const banner = createBanner(slot);
  banner.el.style.position = "relative";
  banner.el.style.inset = "auto";
  // In the flow it covers nothing, so it may run wider than a floating banner (fewer lines).
  banner.el.style.maxWidth = "48rem";
  let room = 0;
  let roomWidth = -1;
  let roomFrame = 0;
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
          let boxesChanged = false;
          for (const e of entries) {
            const el = e.target as HTMLElement;
            if (el === banner.el) continue;
            const was = sizes.get(el);
            const now = { width: el.clientWidth, height: el.clientHeight };
            if (was && was.width === now.width && was.height === now.height) continue;
            sizes.set(el, now);
            boxesChanged = true;
          }
          if (root.clientWidth !== roomWidth) {
            roomWidth = root.clientWidth;
            room = 0;
          }
          if (banner.el.offsetHeight > room) {
            room = banner.el.offsetHeight;
            // Written in the next frame: a size change made inside this callback would resize
            // the boxes observed here, which the browser reports as a ResizeObserver loop.
            cancelAnimationFrame(roomFrame);
            roomFrame = requestAnimationFrame(() => {
              slot.style.minHeight = `max(${baseRoom}, ${room}px)`;
            });
          }
          if (boxesChanged) onResize();
        })
      : null;
  for (const b of boxes) ro?.observe(b.el);
  ro?.observe(root);
  ro?.observe(banner.el);
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
      cancelAnimationFrame(roomFrame);
      ro?.disconnect();
      root.remove();
    },
  };
}
