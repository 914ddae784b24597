// The shapes panel of svd: X = UΣVᵀ for an m×n X drawn to scale, the full SVD above the thin one.
// Blocks share one scale (pixels per entry); the parts the thin SVD drops are hatched in the full
// row (columns of U, or rows of Vᵀ, that only ever multiply zeros of Σ).
import type { Palette } from "../../src/kit/scene";
import { attrs, svg } from "../../src/draw/svg";
import type { SvdShapes } from "../../src/core/linalg";

interface Block {
  name: string;
  shape: readonly [number, number];
  color: string;
  /** The kept top-left part (rows, cols); the rest is drawn hatched (dropped) or faded (zeros). */
  kept?: readonly [number, number];
  rest?: "dropped" | "zeros";
  /** Draw Σ's diagonal of length r. */
  diagonal?: number;
}

let panelCount = 0;

export function createShapesPanel(host: HTMLElement) {
  const root = svg("svg", {
    role: "img",
    "aria-label": "The blocks of the full and thin SVD of X, to scale",
  });
  root.style.display = "block";
  host.appendChild(root);
  const note = document.createElement("p");
  note.style.cssText =
    "margin:0;padding:0 0.7rem 0.5rem;color:var(--muted);font-size:0.8em;line-height:1.35";
  host.appendChild(note);
  const id = `lg-hatch-${++panelCount}`;
  let size = { width: 300, height: 300 };

  let drawn = "";

  function draw(m: number, n: number, thin: SvdShapes, full: SvdShapes, pal: Palette): void {
    // The panel depends only on m, n, its size and the theme: most changes leave it alone.
    const key = [m, n, size.width, size.height, pal.theme, pal.fontSize].join(",");
    if (key === drawn) return;
    drawn = key;
    root.replaceChildren();
    const { width, height } = size;
    attrs(root, { width, height, viewBox: `0 0 ${width} ${height}` });
    const defs = svg("defs", {}, root);
    const pat = svg(
      "pattern",
      { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      defs,
    );
    svg(
      "line",
      { x1: 0, y1: 0, x2: 0, y2: 6, stroke: pal.muted, "stroke-width": 2, "stroke-opacity": 0.55 },
      pat,
    );

    const fs = pal.fontSize;
    const pad = 0.7 * fs;
    const r = thin.s[0];
    const colX = pal.muted;
    const rows: { title: string; blocks: Block[] }[] = [
      {
        title: "full SVD",
        blocks: [
          { name: "X", shape: [m, n], color: colX },
          { name: "U", shape: full.u, color: pal.c[0], kept: [m, r], rest: "dropped" },
          { name: "Σ", shape: full.s, color: pal.c[2], kept: [r, r], rest: "zeros", diagonal: r },
          { name: "Vᵀ", shape: full.vt, color: pal.c[1], kept: [r, n], rest: "dropped" },
        ],
      },
      {
        title: "thin SVD",
        blocks: [
          { name: "X", shape: [m, n], color: colX },
          { name: "U", shape: thin.u, color: pal.c[0] },
          { name: "Σ", shape: thin.s, color: pal.c[2], diagonal: r },
          { name: "Vᵀ", shape: thin.vt, color: pal.c[1] },
        ],
      },
    ];
    const title = svg(
      "text",
      { x: pad, y: pad + fs * 0.8, fill: pal.fg, "font-size": fs * 0.9, "font-weight": 600 },
      root,
    );
    title.textContent = `X is ${m}×${n}, so r = min(m, n) = ${r}`;

    // One scale for every block. The two rows go one above the other, or side by side when the
    // panel is wide and short (a phone): whichever lets the blocks be drawn larger.
    const gap = fs * 1.1;
    const textH = fs * 1.25;
    const head = pad + fs * 1.6;
    const foot = fs * 3.2;
    const widths = rows.map((row) => row.blocks.reduce((acc, b) => acc + b.shape[1], 0));
    const heights = rows.map((row) => Math.max(...row.blocks.map((b) => b.shape[0])));
    const maxW = Math.max(...widths);
    const colGap = fs * 1.5;
    const kStacked = Math.min(
      (width - 2 * pad - 3 * gap - fs) / maxW,
      (height - head - foot - 4 * textH) / (heights[0] + heights[1]),
    );
    const kSide = Math.min(
      ((width - 2 * pad - colGap) / 2 - 3 * gap) / maxW,
      (height - head - foot - 2 * textH) / Math.max(heights[0], heights[1]),
    );
    const side = kSide > kStacked * 1.15;
    const k = Math.max(0.05, Math.min(side ? kSide : kStacked, fs * 1.6));
    const colW = side ? (width - 2 * pad - colGap) / 2 : width - 2 * pad;

    let y = head;
    let bottom = head;
    rows.forEach((row, ri) => {
      const x0 = side ? pad + ri * (colW + colGap) : pad;
      if (side) y = head;
      const t = svg(
        "text",
        { x: x0, y: y + fs * 0.85, fill: pal.fg, "font-size": fs * 0.8, "font-weight": 600 },
        root,
      );
      t.textContent = row.title;
      y += textH;
      let x = x0;
      row.blocks.forEach((b, bi) => {
        const w = Math.max(2, b.shape[1] * k);
        const h = Math.max(2, b.shape[0] * k);
        const g = svg("g", {}, root);
        // The whole block, then its kept part on top.
        svg(
          "rect",
          {
            x,
            y,
            width: w,
            height: h,
            fill: b.color,
            "fill-opacity": b.kept ? 0.12 : 0.55,
            stroke: b.color,
            "stroke-width": 1,
          },
          g,
        );
        if (b.kept) {
          const kw = Math.max(2, Math.min(b.shape[1], b.kept[1]) * k);
          const kh = Math.max(2, Math.min(b.shape[0], b.kept[0]) * k);
          // Only the dropped part is hatched: columns right of the kept block, or rows below it.
          if (b.rest === "dropped" && kw < w - 0.5)
            svg(
              "rect",
              { x: x + kw, y, width: w - kw, height: h, fill: `url(#${id})`, stroke: "none" },
              g,
            );
          if (b.rest === "dropped" && kh < h - 0.5)
            svg(
              "rect",
              { x, y: y + kh, width: w, height: h - kh, fill: `url(#${id})`, stroke: "none" },
              g,
            );
          svg(
            "rect",
            {
              x,
              y,
              width: kw,
              height: kh,
              fill: b.color,
              "fill-opacity": b.name === "Σ" ? 0.12 : 0.55,
              stroke: b.color,
              "stroke-width": 1,
            },
            g,
          );
        }
        if (b.diagonal) {
          const d = Math.max(2, b.diagonal * k);
          svg(
            "line",
            {
              x1: x,
              y1: y,
              x2: x + d,
              y2: y + d,
              stroke: b.color,
              "stroke-width": Math.max(1.5, Math.min(4, k * 0.8)),
            },
            g,
          );
        }
        if (w > fs * 1.2 && h > fs * 1.1) {
          const name = svg(
            "text",
            {
              x: x + w / 2,
              y: y + Math.min(h / 2, fs * 1.2) + fs * 0.3,
              "text-anchor": "middle",
              fill: pal.fg,
              "font-size": fs * 0.75,
              "font-weight": 600,
            },
            g,
          );
          name.textContent = b.name;
        }
        x += w;
        if (bi < row.blocks.length - 1) {
          // Blocks hang from one top line; the operator sits level with the shorter neighbour.
          const next = row.blocks[bi + 1];
          const mid = Math.min(h, Math.max(2, next.shape[0] * k)) / 2;
          const op = svg(
            "text",
            {
              x: x + gap / 2,
              y: y + mid + fs * 0.3,
              "text-anchor": "middle",
              fill: pal.muted,
              "font-size": fs * 0.85,
            },
            root,
          );
          op.textContent = bi === 0 ? "=" : "·";
          x += gap;
        }
      });
      y += Math.max(2, heights[ri] * k) + 4;
      const [b0, b1, b2, b3] = row.blocks;
      const sh = (b: Block) => `${b.shape[0]}×${b.shape[1]}`;
      const text = side
        ? `U ${sh(b1)} · Σ ${sh(b2)} · Vᵀ ${sh(b3)}`
        : `X ${sh(b0)} = U ${sh(b1)} · Σ ${sh(b2)} · Vᵀ ${sh(b3)}`;
      // Shrink the line to its column if it would run into the next one (glyphs ≈ 0.56 em).
      const font = Math.max(9, Math.min(fs * 0.76, colW / (text.length * 0.56)));
      const words = svg("text", { x: x0, y: y + fs * 0.85, fill: pal.fg, "font-size": font }, root);
      words.textContent = text;
      y += textH + fs * 0.5;
      bottom = Math.max(bottom, y);
    });
    attrs(root, { height: bottom, viewBox: `0 0 ${width} ${bottom}` });
    const dropped = m > n ? `${m - r} columns of U` : n > m ? `${n - r} rows of Vᵀ` : "";
    note.textContent = dropped
      ? `Hatched: the ${dropped} that only ever multiply zeros of Σ. The thin SVD drops them and X = UΣVᵀ still holds.`
      : "X is square: the thin and the full SVD are the same.";
  }

  return {
    resize(width: number, height: number) {
      size = { width: Math.max(80, width), height: Math.max(80, height) };
    },
    draw,
    remove() {
      root.remove();
      note.remove();
    },
  };
}
