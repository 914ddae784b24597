// Box sizes for views with several panels: cached from a ResizeObserver, so a redraw never forces a
// layout just to measure a box; a change of size asks for a redraw.

export interface BoxSizes {
  /** The box's content size (measured once, then kept current by the observer). */
  size(box: Element): { w: number; h: number };
  disconnect(): void;
}

export function observeSizes(boxes: readonly Element[], onResize: () => void): BoxSizes {
  const sizes = new Map<Element, { w: number; h: number }>();
  const ro =
    typeof ResizeObserver !== "undefined"
      ? new ResizeObserver((entries) => {
          for (const e of entries)
            sizes.set(e.target, { w: e.contentRect.width, h: e.contentRect.height });
          onResize();
        })
      : null;
  for (const box of boxes) ro?.observe(box);
  return {
    size(box) {
      let s = sizes.get(box);
      if (!s) sizes.set(box, (s = { w: box.clientWidth, h: box.clientHeight }));
      return s;
    },
    disconnect: () => ro?.disconnect(),
  };
}
