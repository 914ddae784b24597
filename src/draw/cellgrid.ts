// A population drawn as a grid of cells on a canvas: one cell per person, filled in row-major
// order by contiguous groups (e.g. false negatives, true positives, false positives, true
// negatives). Cell edges fall on whole device pixels, so 100 000 cells stay crisp, and a group is
// drawn as at most three rectangles (its first partial row, its full rows, its last partial row)
// with the gaps cut out once afterwards, so a redraw costs O(groups + rows + columns), not O(N).
// Below a few thousand people the cells are drawn one by one as person icons.
import type { Palette } from "../kit/scene";

/** A run of consecutive cells drawn in one colour at one opacity. */
export interface CellGroup {
  count: number;
  color: string;
  /** Opacity of the fill over the background, 0…1. */
  alpha: number;
}

/** Where the cells sit, in device pixels. */
export interface CellLayout {
  n: number;
  cols: number;
  rows: number;
  /** Cell pitch (cell plus gap; fractional, cell edges are rounded) and gap, in device pixels. */
  pitch: number;
  gap: number;
  /** Top-left corner of the first cell. */
  x0: number;
  y0: number;
}

/** A rectangle [x, y, width, height] in device pixels. */
export type Rect = [number, number, number, number];

/**
 * The layout of n cells in a width × height box (device pixels): the column count that gives
 * the largest square cells, preferring a round number of columns (5, 10, 20, 50, 100, …) when
 * that costs less than 12 % of the cell size, so rows can be counted. Pure.
 */
export function cellLayout(n: number, width: number, height: number): CellLayout {
  const W = Math.max(1, Math.floor(width));
  const H = Math.max(1, Math.floor(height));
  const count = Math.max(1, Math.floor(n));
  const pitchFor = (c: number) => Math.min(W / c, H / Math.ceil(count / c));
  let best = 1;
  let bestNice = 0;
  const maxCols = Math.min(count, W);
  for (let c = 1; c <= maxCols; c++) {
    if (pitchFor(c) > pitchFor(best)) best = c;
    if ((c % 10 === 0 || c === 5) && (bestNice === 0 || pitchFor(c) > pitchFor(bestNice)))
      bestNice = c;
  }
  const cols = bestNice && pitchFor(bestNice) >= 0.88 * pitchFor(best) ? bestNice : best;
  const rows = Math.ceil(count / cols);
  const pitch = Math.max(1, pitchFor(cols));
  // Gaps only where the cells are big enough to keep a visible body.
  const gap = pitch >= 14 ? Math.round(pitch * 0.14) : pitch >= 3.5 ? 1 : 0;
  const x0 = Math.round((W - cols * pitch + gap) / 2);
  const y0 = Math.round((H - rows * pitch + gap) / 2);
  return { n: count, cols, rows, pitch, gap, x0, y0 };
}

/** The device-pixel x of column c's left edge (c = cols is the right edge of the grid). */
export const colX = (L: CellLayout, c: number) => L.x0 + Math.round(c * L.pitch);
/** The device-pixel y of row r's top edge. */
export const rowY = (L: CellLayout, r: number) => L.y0 + Math.round(r * L.pitch);

/**
 * The rectangles covering cells from..to−1, at most three; each spans whole pitches, so its
 * right and bottom edges include one trailing gap. Pure.
 */
export function runRects(L: CellLayout, from: number, to: number): Rect[] {
  const a = Math.max(0, Math.min(L.n, from));
  const b = Math.max(a, Math.min(L.n, to));
  if (b <= a) return [];
  const { cols } = L;
  const ra = Math.floor(a / cols);
  const ca = a % cols;
  const rb = Math.floor((b - 1) / cols);
  const cb = ((b - 1) % cols) + 1;
  const rect = (c0: number, r0: number, c1: number, r1: number): Rect => [
    colX(L, c0),
    rowY(L, r0),
    colX(L, c1) - colX(L, c0),
    rowY(L, r1) - rowY(L, r0),
  ];
  if (ra === rb) return [rect(ca, ra, cb, ra + 1)];
  const out: Rect[] = [];
  let top = ra;
  if (ca > 0) {
    out.push(rect(ca, ra, cols, ra + 1));
    top = ra + 1;
  }
  const bottom = cb < cols ? rb : rb + 1;
  if (bottom > top) out.push(rect(0, top, cols, bottom));
  if (cb < cols) out.push(rect(0, rb, cb, rb + 1));
  return out;
}

/**
 * The outline of cells from..to−1 as closed polygons (device pixels), drawn `pad` pixels outside
 * the cells so a thick ring never hides them: one polygon when the run is connected, two when it
 * wraps a row without overlap. Pure.
 */
export function runOutline(L: CellLayout, from: number, to: number, pad = 0): [number, number][][] {
  const a = Math.max(0, Math.min(L.n, from));
  const b = Math.max(a, Math.min(L.n, to));
  if (b <= a) return [];
  const { cols, gap } = L;
  // Left/top edges sit before the cell, right/bottom edges after the cell body (not its gap).
  const left = (c: number) => colX(L, c) - pad;
  const rightOf = (c: number) => colX(L, c) - gap + pad;
  const top = (r: number) => rowY(L, r) - pad;
  const bottomOf = (r: number) => rowY(L, r) - gap + pad;
  const ra = Math.floor(a / cols);
  const ca = a % cols;
  const rb = Math.floor((b - 1) / cols);
  const cb = ((b - 1) % cols) + 1;
  const box = (c0: number, r0: number, c1: number, r1: number): [number, number][] => [
    [left(c0), top(r0)],
    [rightOf(c1), top(r0)],
    [rightOf(c1), bottomOf(r1)],
    [left(c0), bottomOf(r1)],
  ];
  if (ra === rb) return [box(ca, ra, cb, ra + 1)];
  if (rb === ra + 1 && cb <= ca) return [box(ca, ra, cols, ra + 1), box(0, rb, cb, rb + 1)];
  const poly: [number, number][] = [
    [left(ca), top(ra)],
    [rightOf(cols), top(ra)],
  ];
  if (cb === cols) poly.push([rightOf(cols), bottomOf(rb + 1)]);
  else
    poly.push(
      [rightOf(cols), bottomOf(rb)],
      [rightOf(cb), bottomOf(rb)],
      [rightOf(cb), bottomOf(rb + 1)],
    );
  poly.push([left(0), bottomOf(rb + 1)]);
  if (ca > 0) poly.push([left(0), top(ra + 1)], [left(ca), top(ra + 1)]);
  return [poly];
}

export interface CellGrid {
  canvas: HTMLCanvasElement;
  /** The current layout (device pixels) and the device-pixel ratio. */
  layout(): CellLayout;
  dpr(): number;
  /** Sizes the canvas to a CSS box; the next draw lays the cells out again. */
  resize(width: number, height: number): void;
  /**
   * Draws the groups in order; `outline` rings cells from..to−1 (e.g. everyone who tested
   * positive) with a label beside it. Returns true when the cells were drawn as person icons.
   */
  draw(
    groups: readonly CellGroup[],
    p: Palette,
    outline?: { from: number; to: number; color: string; label?: string },
  ): boolean;
  dispose(): void;
}

export function createCellGrid(host: HTMLElement, opts: { label: string }): CellGrid {
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", opts.label);
  canvas.style.display = "block";
  canvas.style.width = "100%";
  canvas.style.height = "100%";
  host.appendChild(canvas);
  // jsdom and some locked-down browsers have no 2-D context: the grid then simply stays blank.
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = canvas.getContext("2d");
  } catch {
    ctx = null;
  }
  let cssW = 300;
  let cssH = 150;
  let ratio = 1;
  let L: CellLayout = cellLayout(1, 300, 150);

  function draw(
    groups: readonly CellGroup[],
    p: Palette,
    outline?: { from: number; to: number; color: string; label?: string },
  ): boolean {
    const n = groups.reduce((s, g) => s + g.count, 0);
    ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    const W = Math.max(1, Math.round(cssW * ratio));
    const H = Math.max(1, Math.round(cssH * ratio));
    if (canvas.width !== W || canvas.height !== H) {
      canvas.width = W;
      canvas.height = H;
    }
    // Room for the outline's label above the cells.
    const top = outline?.label ? Math.round(p.fontSize * 1.3 * ratio) : 0;
    L = cellLayout(n, W, H - top);
    L = { ...L, y0: L.y0 + top };
    const cell = Math.floor(L.pitch) - L.gap;
    // Icons need about 11 CSS pixels a person to read as people.
    const icons = cell / ratio >= 11 && n <= 5000;
    if (!ctx) return icons;
    const c = ctx;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, W, H);
    let at = 0;
    for (const g of groups) {
      if (g.count <= 0) continue;
      c.globalAlpha = g.alpha;
      c.fillStyle = g.color;
      if (icons) {
        for (let i = at; i < at + g.count; i++) person(c, L, i, cell);
      } else {
        for (const [x, y, w, h] of runRects(L, at, at + g.count))
          c.fillRect(x, y, w - L.gap, h - L.gap);
      }
      at += g.count;
    }
    c.globalAlpha = 1;
    if (!icons && L.gap > 0) {
      // Paint the gaps between cells in one pass (cut by destination-out, so the page shows).
      c.globalCompositeOperation = "destination-out";
      c.fillStyle = "#000";
      const w = colX(L, L.cols) - L.x0;
      const h = rowY(L, L.rows) - L.y0;
      for (let col = 1; col < L.cols; col++) c.fillRect(colX(L, col) - L.gap, L.y0, L.gap, h);
      for (let row = 1; row < L.rows; row++) c.fillRect(L.x0, rowY(L, row) - L.gap, w, L.gap);
      c.globalCompositeOperation = "source-over";
    }
    if (outline && outline.to > outline.from) {
      c.strokeStyle = outline.color;
      const lw = Math.max(1.5, p.lineWidth * 0.65) * ratio;
      c.lineWidth = lw;
      c.lineJoin = "round";
      const polys = runOutline(L, outline.from, outline.to, lw / 2 + ratio);
      for (const poly of polys) {
        c.beginPath();
        poly.forEach(([x, y], i) => (i ? c.lineTo(x, y) : c.moveTo(x, y)));
        c.closePath();
        c.stroke();
      }
      if (outline.label) {
        const [x, y] = polys[0][0];
        const font = p.fontSize * 0.8 * ratio;
        c.font = `600 ${font}px system-ui, sans-serif`;
        c.textBaseline = "bottom";
        const tw = c.measureText(outline.label).width;
        const tx = Math.max(2 * ratio, Math.min(x, W - tw - 2 * ratio));
        c.lineWidth = 4 * ratio;
        c.strokeStyle = p.bg;
        c.strokeText(outline.label, tx, y - 3 * ratio);
        c.fillStyle = outline.color;
        c.fillText(outline.label, tx, y - 3 * ratio);
      }
    }
    return icons;
  }

  return {
    canvas,
    layout: () => L,
    dpr: () => ratio,
    resize(width, height) {
      cssW = Math.max(10, width);
      cssH = Math.max(10, height);
    },
    draw,
    dispose() {
      canvas.remove();
    },
  };
}

// A person icon in one cell: a round head over rounded shoulders.
function person(c: CanvasRenderingContext2D, L: CellLayout, i: number, cell: number): void {
  const x = colX(L, i % L.cols);
  const y = rowY(L, Math.floor(i / L.cols));
  const cx = x + cell / 2;
  const r = cell * 0.2;
  c.beginPath();
  c.arc(cx, y + r + cell * 0.04, r, 0, 2 * Math.PI);
  c.fill();
  const bw = cell * 0.78;
  const by = y + cell * 0.5;
  const bh = cell * 0.5;
  c.beginPath();
  c.moveTo(cx - bw / 2, y + cell);
  c.lineTo(cx - bw / 2, by + bh * 0.45);
  c.quadraticCurveTo(cx - bw / 2, by, cx, by);
  c.quadraticCurveTo(cx + bw / 2, by, cx + bw / 2, by + bh * 0.45);
  c.lineTo(cx + bw / 2, y + cell);
  c.closePath();
  c.fill();
}
