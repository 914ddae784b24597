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

/** Where the next pass over a box starts: passes go round, so no formula waits forever. */
const resume = new WeakMap<HTMLElement, number>();

/**
 * Renders each TeX string into its own block inside `box`, reusing blocks between updates and
 * re-typesetting only the ones whose TeX changed. Stops once `budgetMs` has been spent (after at
 * least one formula), so a slider step never typesets everything at once; returns true when every
 * block is up to date, false when the caller should call again for the rest (the next pass
 * starts where this one stopped).
 */
export function renderInto(
  box: HTMLElement,
  texs: readonly string[],
  budgetMs = Infinity,
): boolean {
  const t0 = performance.now();
  while (box.children.length > texs.length) box.lastElementChild?.remove();
  while (box.children.length < texs.length) {
    const slot = document.createElement("div");
    slot.className = "lg-formula";
    // A formula wider than the panel scrolls sideways; keyboard users must be able to scroll it.
    slot.tabIndex = 0;
    slot.setAttribute("role", "group");
    slot.setAttribute("aria-label", "formula");
    box.append(slot);
  }
  const n = texs.length;
  const start = (resume.get(box) ?? 0) % Math.max(1, n);
  let typeset = 0;
  for (let j = 0; j < n; j++) {
    const i = (start + j) % n;
    const slot = box.children[i] as HTMLElement;
    if (slot.dataset.tex === texs[i]) continue;
    if (typeset > 0 && performance.now() - t0 >= budgetMs) {
      resume.set(box, i);
      return false;
    }
    slot.dataset.tex = texs[i];
    katex.render(texs[i], slot, OPTIONS);
    typeset++;
  }
  resume.set(box, 0);
  return true;
}

/** Renders one TeX string into an element (for labels inside views). */
export function renderTex(target: HTMLElement, tex: string, display = false): void {
  katex.render(tex, target, { ...OPTIONS, displayMode: display });
}
