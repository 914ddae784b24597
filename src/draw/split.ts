// A stage split in two: the main figure and a side panel (a chart, a diagram). Side by side when
// the stage is wide, stacked (panel below) when it is tall, as on a phone; the scene asks for the
// two boxes' sizes on each resize and sizes its plane and panel to them.

export interface Box {
  width: number;
  height: number;
}

export interface SplitLayout {
  main: Box;
  side: Box;
  /** True when the panel sits below the main figure. */
  stacked: boolean;
}

export interface Split {
  /** Positioned containers; a banner or card appended to `main` stays over the main figure. */
  main: HTMLElement;
  side: HTMLElement;
  layout(width: number, height: number): SplitLayout;
  remove(): void;
}

export interface SplitOptions {
  /** Panel share of the stage width when side by side (default 0.36), clamped to min/max px. */
  sideShare?: number;
  sideMin?: number;
  sideMax?: number;
  /** Panel share of the stage height when stacked (default 0.34), clamped to min/max px. */
  stackShare?: number;
  stackMin?: number;
  stackMax?: number;
  /** Stack when width/height is below this (default 1.1). */
  stackBelow?: number;
}

function place(el: HTMLElement, x: number, y: number, w: number, h: number): void {
  el.style.left = `${x}px`;
  el.style.top = `${y}px`;
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
}

export function createSplit(host: HTMLElement, opts: SplitOptions = {}): Split {
  const main = document.createElement("div");
  const side = document.createElement("div");
  for (const el of [main, side]) {
    el.style.position = "absolute";
    el.style.overflow = "hidden";
    host.appendChild(el);
  }
  side.style.borderColor = "var(--border)";
  side.style.borderStyle = "solid";
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return {
    main,
    side,
    layout(width, height) {
      const w = Math.max(1, width);
      const h = Math.max(1, height);
      const stacked = w / h < (opts.stackBelow ?? 1.1);
      if (stacked) {
        const sh = Math.round(
          clamp(h * (opts.stackShare ?? 0.34), opts.stackMin ?? 120, opts.stackMax ?? 320),
        );
        const mh = Math.max(1, h - sh);
        place(main, 0, 0, w, mh);
        place(side, 0, mh, w, sh);
        side.style.borderWidth = "1px 0 0 0";
        return { main: { width: w, height: mh }, side: { width: w, height: sh }, stacked };
      }
      const sw = Math.round(
        clamp(w * (opts.sideShare ?? 0.36), opts.sideMin ?? 220, opts.sideMax ?? 520),
      );
      const mw = Math.max(1, w - sw);
      place(main, 0, 0, mw, h);
      place(side, mw, 0, sw, h);
      side.style.borderWidth = "0 0 0 1px";
      return { main: { width: mw, height: h }, side: { width: sw, height: h }, stacked };
    },
    remove() {
      main.remove();
      side.remove();
    },
  };
}
