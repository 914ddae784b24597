// @vitest-environment jsdom
// The chart's axes are drawn again only when what they show changes (src/draw/chart.ts,
// drawAxes): the same domain, size and palette leave the tick nodes alone, while new ticks, new
// tick labels from a scene's own formatter, or a new colour redraw them.
import { describe, expect, test } from "vitest";
import { createChart } from "../../src/draw/chart";
import type { Palette } from "../../src/kit/scene";

const pal = (muted = "#555555"): Palette => ({
  theme: "light",
  bg: "#fff",
  fg: "#111",
  muted,
  grid: "#eee",
  panel: "#f6f6f6",
  c: ["#1", "#2", "#3", "#4", "#5", "#6"],
  accent: "#07b",
  good: "#070",
  bad: "#c00",
  lineWidth: 2,
  fontSize: 15,
  handleRadius: 11,
});

/** The tick labels of the x axis, in order. */
const xLabels = (svg: SVGSVGElement) =>
  [...[...svg.querySelectorAll("g")][0].querySelectorAll(".tick text")].map((t) => t.textContent);

describe("chart axes", () => {
  test("an unchanged chart keeps its tick nodes; a new domain redraws them", () => {
    const chart = createChart(document.createElement("div"), { label: "c" });
    chart.resize(400, 300);
    chart.setDomain([0, 10], [0, 1]);
    chart.drawAxes(pal());
    const first = chart.svg.querySelector(".tick text")!;
    first.setAttribute("data-mark", "kept");
    chart.drawAxes(pal());
    expect(chart.svg.querySelector(".tick text")?.getAttribute("data-mark")).toBe("kept");
    const before = xLabels(chart.svg);
    chart.setDomain([0, 1000], [0, 1]);
    chart.drawAxes(pal());
    expect(xLabels(chart.svg)).not.toEqual(before);
    expect(xLabels(chart.svg)).toContain("1,000");
  });

  test("ticks that follow outside state, and a new colour, are redrawn", () => {
    let at = 10;
    const chart = createChart(document.createElement("div"), {
      label: "c",
      xTicks: () => [at, 4 * at],
      xFormat: (v) => (v < 2 * at ? "n" : "4n"),
    });
    chart.resize(400, 300);
    chart.setDomain([1, 100], [0, 1]);
    chart.drawAxes(pal());
    const xs = () =>
      [...[...chart.svg.querySelectorAll("g")][0].querySelectorAll(".tick")].map((t) =>
        t.getAttribute("transform"),
      );
    const before = xs();
    at = 20;
    chart.drawAxes(pal());
    expect(xs()).not.toEqual(before);
    chart.drawAxes(pal("#ff0000"));
    expect(chart.svg.querySelector(".tick text")?.getAttribute("fill")).toBe("#ff0000");
  });
});
