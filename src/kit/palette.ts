// Reads the active theme's CSS variables into a palette that canvas and three.js views can use.
import type { Theme } from "./params";
import type { Palette } from "./scene";

/** The current theme's colours and sizes, from the CSS variables on the document element. */
export function readPalette(): Palette {
  const cs = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const n = (name: string, fallback: number) => {
    const x = parseFloat(cs.getPropertyValue(name));
    return Number.isFinite(x) ? x : fallback;
  };
  return {
    theme: (document.documentElement.dataset.theme as Theme) ?? "light",
    bg: v("--bg", "#ffffff"),
    fg: v("--fg", "#1b1b1f"),
    muted: v("--muted", "#5b5b66"),
    grid: v("--grid", "#e3e3ea"),
    panel: v("--panel", "#f6f6f9"),
    c: [1, 2, 3, 4, 5, 6].map((i) => v(`--c${i}`, "#0072b2")),
    accent: v("--accent", "#0072b2"),
    good: v("--good", "#007a5a"),
    bad: v("--bad", "#c0392b"),
    lineWidth: n("--line", 2),
    fontSize: n("--font", 15),
    handleRadius: n("--handle", 11),
  };
}
