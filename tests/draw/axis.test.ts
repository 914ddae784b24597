// @vitest-environment jsdom
// renderAxis (src/draw/axis.ts) draws what d3-axis draws, checked against d3-axis itself, and
// updates it in place: a moved domain rewrites only tick positions, ticks are kept by value, and
// a call that changes nothing writes nothing.
import { axisBottom, axisLeft } from "d3-axis";
import { scaleLinear, scaleLog } from "d3-scale";
import { select } from "d3-selection";
import { describe, expect, test } from "vitest";
import { renderAxis } from "../../src/draw/axis";
import type { Scale } from "../../src/draw/chart";

const NS = "http://www.w3.org/2000/svg";
const g = () => document.createElementNS(NS, "g");

/** An element as a plain tree: tag, attributes sorted by name, own text, children. */
interface Tree {
  tag: string;
  attrs: [string, string][];
  text: string;
  kids: Tree[];
}
function tree(el: Element): Tree {
  return {
    tag: el.tagName,
    attrs: [...el.attributes].map((a): [string, string] => [a.name, a.value]).sort(),
    text: [...el.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent)
      .join(""),
    kids: [...el.children].map(tree),
  };
}

/** What chart.ts drew with d3-axis: the axis, then its colour and font size on every tick. */
function viaD3(scale: Scale, orient: "bottom" | "left", n: number, log: boolean): SVGGElement {
  const el = g();
  const ax = (orient === "bottom" ? axisBottom(scale) : axisLeft(scale)).ticks(
    n,
    log ? "~g" : undefined,
  );
  select(el).call(ax);
  select(el).selectAll("text").attr("fill", "#555").attr("font-size", 11);
  select(el).selectAll("line,path").attr("stroke", "#555");
  return el;
}

function viaRender(scale: Scale, orient: "bottom" | "left", n: number, log: boolean): SVGGElement {
  const el = g();
  const values = scale.ticks(n);
  const fmt = scale.tickFormat(n, log ? "~g" : undefined);
  renderAxis(el, {
    orient,
    scale,
    values,
    labels: values.map((v) => fmt(v)),
    color: "#555",
    fontSize: 11,
  });
  return el;
}

describe("renderAxis", () => {
  const cases: [string, () => Scale, "bottom" | "left", number, boolean][] = [
    ["linear, bottom", () => scaleLinear().domain([-2, 3.5]).range([56, 500]), "bottom", 6, false],
    ["linear, left", () => scaleLinear().domain([0, 1200]).range([300, 10]), "left", 5, false],
    ["log, bottom", () => scaleLog().domain([1, 5000]).range([56, 700]), "bottom", 8, true],
    ["log, left", () => scaleLog().domain([1e-4, 10]).range([300, 10]), "left", 4, true],
  ];
  test.each(cases)("draws the same markup as d3-axis (%s)", (_, make, orient, n, log) => {
    expect(tree(viaRender(make(), orient, n, log))).toEqual(tree(viaD3(make(), orient, n, log)));
  });

  test("a moved domain keeps the ticks that stay and writes only what moved", () => {
    const scale = scaleLinear().domain([0, 10]).range([0, 400]);
    const el = g();
    const draw = () => {
      const values = scale.ticks(5);
      renderAxis(el, {
        orient: "bottom",
        scale,
        values,
        labels: values.map(String),
        color: "#555",
        fontSize: 11,
      });
    };
    draw();
    const tickAt = (label: string) =>
      [...el.querySelectorAll(".tick")].find((t) => t.textContent === label);
    const four = tickAt("4");
    expect(four).toBeDefined();

    const seen: MutationRecord[] = [];
    const mo = new MutationObserver((ms) => seen.push(...ms));
    mo.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });

    // Nothing changed: nothing is written.
    draw();
    seen.push(...mo.takeRecords());
    expect(seen).toHaveLength(0);

    // Shifted by one: the same tick values (2 … 10 of 0 … 10 and 1 … 11), so only positions move.
    scale.domain([1, 11]);
    draw();
    seen.push(...mo.takeRecords());
    expect(tickAt("4")).toBe(four);
    const kinds = new Set(seen.map((m) => (m.type === "attributes" ? m.attributeName : m.type)));
    expect(kinds).toContain("transform");
    expect([...kinds].every((k) => k === "transform" || k === "d" || k === "childList")).toBe(true);
    // 0 left the axis and 12 did not enter (ticks(5) of 1 … 11 are 2, 4, …, 10).
    expect(tickAt("0")).toBeUndefined();
    mo.disconnect();
  });

  test("entering ticks are placed in value order after the domain path", () => {
    const scale = scaleLinear().domain([0, 4]).range([0, 400]);
    const el = g();
    const draw = (values: number[]) =>
      renderAxis(el, {
        orient: "left",
        scale,
        values,
        labels: values.map(String),
        color: "#555",
        fontSize: 11,
      });
    draw([1, 3]);
    draw([0, 1, 2, 3, 4]);
    expect(el.firstElementChild?.getAttribute("class")).toBe("domain");
    expect([...el.querySelectorAll(".tick")].map((t) => t.textContent)).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4",
    ]);
    // A value whose position is not finite (0 on a log scale) gets no tick.
    const log = scaleLog().domain([1, 100]).range([0, 200]);
    const el2 = g();
    renderAxis(el2, {
      orient: "bottom",
      scale: log,
      values: [0, 1, 10],
      labels: ["0", "1", "10"],
      color: "#555",
      fontSize: 11,
    });
    expect([...el2.querySelectorAll(".tick")].map((t) => t.textContent)).toEqual(["1", "10"]);
  });
});
