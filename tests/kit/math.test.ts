// @vitest-environment jsdom
// renderInto (src/kit/math.ts): formulas are typeset into stable blocks, only when their TeX
// changed, a budget's worth per pass, and passes go round so no formula is starved while every
// step changes the first ones again.
import { describe, expect, test } from "vitest";
import { renderInto } from "../../src/kit/math";

const texs = (v: number) => [0, 1, 2, 3, 4].map((i) => `x_${i} = ${v + i}`);
const shown = (box: HTMLElement) =>
  [...box.children].map((c) => (c as HTMLElement).dataset.tex ?? null);

describe("renderInto", () => {
  test("without a budget every formula is typeset in one pass, then nothing is redone", () => {
    const box = document.createElement("div");
    expect(renderInto(box, texs(1))).toBe(true);
    expect(shown(box)).toEqual(texs(1));
    expect(box.querySelectorAll(".katex")).toHaveLength(5);
    const first = box.children[2].firstElementChild;
    expect(renderInto(box, texs(1))).toBe(true);
    expect(box.children[2].firstElementChild).toBe(first);
  });

  test("with a spent budget a pass typesets one formula and says there is more", () => {
    const box = document.createElement("div");
    const done: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      done.push(renderInto(box, texs(1), 0));
      expect(shown(box).filter((t) => t !== undefined && t !== null)).toHaveLength(i + 1);
    }
    expect(done).toEqual([false, false, false, false, true]);
    expect(shown(box)).toEqual(texs(1));
  });

  test("passes go round: while every step changes all formulas, each one is still updated", () => {
    const box = document.createElement("div");
    renderInto(box, texs(0));
    const updated = new Set<number>();
    for (let step = 1; step <= 5; step++) {
      renderInto(box, texs(step), 0);
      shown(box).forEach((t, i) => {
        if (t === texs(step)[i]) updated.add(i);
      });
    }
    expect([...updated].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test("fewer formulas than blocks removes the extra blocks", () => {
    const box = document.createElement("div");
    renderInto(box, texs(1));
    expect(renderInto(box, texs(1).slice(0, 2))).toBe(true);
    expect(box.children).toHaveLength(2);
  });
});
