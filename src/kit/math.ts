// KaTeX rendering, loaded lazily after first paint (it is ~78 KB gzip with its CSS). Always with
// trust: false, a finite maxSize and maxExpand, and throwOnError: false (DESIGN.md, security).
import katex from "katex";
import "katex/dist/katex.min.css";

const OPTIONS = {
  throwOnError: false,
  trust: false,
  maxSize: 20,
  maxExpand: 200,
  displayMode: true,
  output: "htmlAndMathml",
} as const;

/** Renders each TeX string into its own block inside `box`, reusing blocks between updates. */
export function renderInto(box: HTMLElement, texs: readonly string[]): void {
  while (box.children.length > texs.length) box.lastElementChild?.remove();
  texs.forEach((tex, i) => {
    let slot = box.children[i] as HTMLElement | undefined;
    if (!slot) {
      slot = document.createElement("div");
      slot.className = "lg-formula";
      // A formula wider than the panel scrolls sideways; keyboard users must be able to scroll it.
      slot.tabIndex = 0;
      slot.setAttribute("role", "group");
      slot.setAttribute("aria-label", "formula");
      box.append(slot);
    }
    if (slot.dataset.tex === tex) return;
    slot.dataset.tex = tex;
    katex.render(tex, slot, OPTIONS);
  });
}

/** Renders one TeX string into an element (for labels inside views). */
export function renderTex(target: HTMLElement, tex: string, display = false): void {
  katex.render(tex, target, { ...OPTIONS, displayMode: display });
}
