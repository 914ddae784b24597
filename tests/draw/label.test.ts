// @vitest-environment jsdom
// createLabel keeps a start-anchored label inside its figure: one that would cross the right edge
// moves to the left of its point by its measured width, one that cannot reach the edge is never
// measured, and `contain: false` never measures.
import { beforeAll, describe, expect, test } from "vitest";
import { createLabel } from "../../src/draw/label";
import type { Palette } from "../../src/kit/scene";
import { installDomStubs } from "../kit/dom";

const NS = "http://www.w3.org/2000/svg";
const pal = { bg: "#fff", fontSize: 10 } as Palette;

/** A 200-px-wide figure with a layer for labels; the stubbed canvas measures 7 px a character. */
function figure() {
  const root = document.createElementNS(NS, "svg");
  root.setAttribute("viewBox", "0 0 200 100");
  document.body.appendChild(root);
  const layer = document.createElementNS(NS, "g");
  root.appendChild(layer);
  return layer;
}

/** Every text the labels measure, through the stubbed canvas. */
const measured: string[] = [];
beforeAll(() => {
  installDomStubs();
  const make = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string) {
    const c = make.call(this, kind) as CanvasRenderingContext2D | null;
    if (!c) return c;
    const measure = c.measureText.bind(c);
    c.measureText = (s: string) => (measured.push(s), measure(s));
    return c;
  } as typeof HTMLCanvasElement.prototype.getContext;
});

describe("createLabel", () => {
  test("a label that would cross the right edge goes to the left of its point", () => {
    const label = createLabel(figure());
    measured.length = 0;
    // 10 characters at 7 px = 70 px, from x = 190 + 6: over the 198-px limit.
    label.update([190, 50], "0123456789", "#000", pal);
    expect(measured).toEqual(["0123456789"]);
    expect(Number(label.el.getAttribute("x"))).toBeCloseTo(190 - 6 - 70, 9);
    expect(label.el.getAttribute("y")).toBe("44");
  });

  test("a label far from the edge is placed at its offset and not measured", () => {
    const label = createLabel(figure());
    measured.length = 0;
    label.update([20, 50], "short", "#000", pal);
    expect(label.el.getAttribute("x")).toBe("26");
    expect(measured).toEqual([]);
  });

  test("a label that reaches near the edge but fits stays where it is", () => {
    const label = createLabel(figure());
    // 5 characters could be 42.5 px at most (so it is measured), but measure 35 px: 150 + 6 + 35 < 198.
    label.update([150, 50], "abcde", "#000", pal);
    expect(label.el.getAttribute("x")).toBe("156");
  });

  test("contain: false leaves a long label at its offset", () => {
    const label = createLabel(figure(), { contain: false });
    measured.length = 0;
    label.update([190, 50], "0123456789", "#000", pal);
    expect(measured).toEqual([]);
    expect(label.el.getAttribute("x")).toBe("196");
  });

  test("a point that is not finite hides the label", () => {
    const label = createLabel(figure());
    label.update([NaN, 50], "x", "#000", pal);
    expect(label.el.style.display).toBe("none");
  });
});
