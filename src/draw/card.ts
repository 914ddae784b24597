// A small text card pinned to a corner of a stage, for the few numbers a person should read off
// the picture itself (an equation with the current numbers, a legend). Text only, never HTML;
// colours come from the theme's CSS variables, so the three themes work.

export type Corner = "top-left" | "top-right" | "bottom-left" | "bottom-right";

export interface CardRow {
  text: string;
  /** Text colour (a palette colour); the theme's foreground when absent. */
  color?: string;
  /** A colour swatch before the text, for legends. */
  swatch?: string;
  /** Smaller, muted text (a note). */
  note?: boolean;
  strong?: boolean;
}

export interface Card {
  el: HTMLElement;
  /** Replaces the rows; rows whose text and style are unchanged are left alone. */
  rows(rows: readonly CardRow[]): void;
  show(visible: boolean): void;
  remove(): void;
}

export function createCard(
  host: HTMLElement,
  corner: Corner,
  opts: { maxWidth?: string } = {},
): Card {
  const box = document.createElement("div");
  box.className = "lg-card";
  box.setAttribute("aria-hidden", "true");
  const st = box.style;
  st.position = "absolute";
  st[corner.startsWith("top") ? "top" : "bottom"] = "0.6rem";
  st[corner.endsWith("left") ? "left" : "right"] = "0.6rem";
  st.maxWidth = opts.maxWidth ?? "calc(100% - 1.2rem)";
  st.pointerEvents = "none";
  st.background = "color-mix(in srgb, var(--bg) 90%, transparent)";
  st.border = "1px solid var(--border)";
  st.borderRadius = "6px";
  st.padding = "0.3rem 0.55rem";
  st.fontSize = "0.88em";
  st.lineHeight = "1.4";
  st.fontVariantNumeric = "tabular-nums";
  host.appendChild(box);
  let keys: string[] = [];
  return {
    el: box,
    rows(rows) {
      const next = rows.map((r) => JSON.stringify(r));
      if (next.length === keys.length && next.every((k, i) => k === keys[i])) return;
      keys = next;
      box.replaceChildren(
        ...rows.map((r) => {
          const line = document.createElement("div");
          if (r.swatch) {
            const sw = document.createElement("span");
            sw.style.cssText = `display:inline-block;width:0.9em;height:0.9em;border-radius:2px;margin-right:0.4em;vertical-align:-0.1em;background:${r.swatch}`;
            line.appendChild(sw);
          }
          line.appendChild(document.createTextNode(r.text));
          if (r.color) line.style.color = r.color;
          if (r.strong) line.style.fontWeight = "600";
          if (r.note) {
            line.style.color = "var(--muted)";
            line.style.fontSize = "0.88em";
          }
          return line;
        }),
      );
    },
    show(visible) {
      box.style.display = visible ? "" : "none";
    },
    remove() {
      box.remove();
    },
  };
}
