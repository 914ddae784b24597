// The picture of bayes: one sentence with the lesson, the population as a grid of people coloured
// by disease (hue) and test result (strength), with the positives ringed; beside it the same counts
// as a natural-frequency tree, and bars of P(D) before the test, after a positive, after a negative
// and (retesting) after two positives. Every count and probability comes from the model.
import { observeSizes } from "../../src/draw/sizes";
import "./bayes.css";
import { createCellGrid, type CellGroup } from "../../src/draw/cellgrid";
import { attrs, svg } from "../../src/draw/svg";
import { el } from "../../src/kit/dom";
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import {
  pct,
  type BayesModel,
  type BayesParams,
  type GroupKey,
  type params as schema,
} from "./model";

/** Below this stage width the panels stack and the page scrolls instead of squeezing them. */
const NARROW_PX = 720;

/** Fill strength by test result: positive, positive then negative on the retest, negative. */
const STRONG = 1;
const MIDDLE = 0.5;
const FAINT = 0.26;

interface Look {
  color: string;
  alpha: number;
  label: string;
  short: string;
}

function looks(p: Palette): Record<GroupKey, Look> {
  const sick = p.c[1];
  const well = p.c[0];
  return {
    "false-negative": {
      color: sick,
      alpha: FAINT,
      label: "sick, tested −",
      short: "false negative",
    },
    "true-positive": {
      color: sick,
      alpha: STRONG,
      label: "sick, tested +",
      short: "true positive",
    },
    "true-positive-then-negative": {
      color: sick,
      alpha: MIDDLE,
      label: "sick, + then −",
      short: "true positive, negative on retest",
    },
    "true-positive-twice": {
      color: sick,
      alpha: STRONG,
      label: "sick, + twice",
      short: "true positive twice",
    },
    "false-positive-twice": {
      color: well,
      alpha: STRONG,
      label: "healthy, + twice",
      short: "false positive twice",
    },
    "false-positive-then-negative": {
      color: well,
      alpha: MIDDLE,
      label: "healthy, + then −",
      short: "false positive, negative on retest",
    },
    "false-positive": {
      color: well,
      alpha: STRONG,
      label: "healthy, tested +",
      short: "false positive",
    },
    "true-negative": {
      color: well,
      alpha: FAINT,
      label: "healthy, tested −",
      short: "true negative",
    },
  };
}

/** Text on a filled shape: the background colour on strong fills, the foreground on faint ones. */
const inkOn = (alpha: number, p: Palette) => (alpha >= 0.75 ? p.bg : p.fg);

export function mountBayes(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  host.classList.add("by-host");
  const root = el("div", { className: "by-root" });
  const lesson = el("p", { className: "by-lesson" });
  const pop = el("section", { className: "by-pop" });
  pop.setAttribute("aria-label", "The population");
  const popHead = el("h2", { className: "by-head" });
  const gridBox = el("div", { className: "by-gridbox" });
  const legend = el("ul", { className: "by-legend" });
  pop.append(popHead, gridBox, legend);
  const right = el("section", { className: "by-right" });
  right.setAttribute("aria-label", "The same counts as a tree and as bars");
  const treeHead = el("h2", { className: "by-head", text: "The same people as a tree" });
  const treeBox = el("div", { className: "by-treebox" });
  const barHead = el("h2", { className: "by-head", text: "How likely is the disease?" });
  const barBox = el("div", { className: "by-barbox" });
  right.append(treeHead, treeBox, barHead, barBox);
  root.append(lesson, pop, right);
  host.appendChild(root);

  const grid = createCellGrid(gridBox, { label: "The population as a grid of people" });
  const tree = svg("svg", { role: "img" }, treeBox);
  const bars = svg("svg", { role: "img" }, barBox);

  let narrow = false;

  // The boxes change size with the stage and with the wrapping of text around them.
  const boxSizes = observeSizes([gridBox, treeBox, barBox], () => ctx.invalidate());
  const size = boxSizes.size;

  function setLesson(m: BayesModel, p: BayesParams): void {
    const parts: (string | [string, string])[] = [];
    const b = m.bayes;
    if (b.posterior === null) {
      parts.push(
        "Nobody tests positive: P(+) = 0, so ",
        ["P(D|+) = 0/0 is undefined", "b"],
        ". A test that never says “positive” finds no one, however specific it is.",
      );
    } else if (m.positives === 0) {
      parts.push(
        `Not one of ${f(p.population)} people is expected to test positive (P(+) = ${pct(b.pPositive)}), yet for someone who does, `,
        [`P(D|+) = ${pct(b.posterior)}`, "b"],
        ".",
      );
    } else {
      const most = m.counts.falsePositives > m.counts.truePositives;
      parts.push(
        `Of the `,
        [f(m.positives), "b"],
        ` people who test positive, ${most ? "only " : ""}`,
        [f(m.counts.truePositives), "b by-sick"],
        ` ${m.counts.truePositives === 1 ? "is" : "are"} sick: `,
        [`P(D|+) = ${pct(b.posterior)}`, "b"],
        ".",
      );
      if (most)
        parts.push([
          ` Most positives are false: a ${pct(1 - p.specificity)} false-positive rate on ${f(m.healthy)} healthy people gives ${f(m.counts.falsePositives)}, against ${f(m.counts.truePositives)} true positives.`,
          "by-note",
        ]);
    }
    if (p.retest && m.twice.posterior !== null) {
      parts.push(
        " Test the positives again: ",
        [f(m.second.sickAgain), "b by-sick"],
        ` of ${f(m.second.positiveTwice)} positive twice are sick, `,
        [`P(D|+,+) = ${pct(m.twice.posterior)}`, "b"],
        ".",
      );
    }
    const key = JSON.stringify(parts);
    if (lesson.dataset.key === key) return;
    lesson.dataset.key = key;
    lesson.replaceChildren(
      ...parts.map((part) => {
        if (typeof part === "string") return document.createTextNode(part);
        // "b" (alone or first) makes the part bold; any other word is a class.
        const [text, cls] = part;
        const words = cls.split(" ");
        const node = el(words[0] === "b" ? "b" : "span", { text });
        const extra = words.filter((w) => w !== "b").join(" ");
        if (extra) node.className = extra;
        return node;
      }),
    );
  }

  function setLegend(m: BayesModel, pal: Palette): void {
    const L = looks(pal);
    const key = JSON.stringify([m.groups, pal.c[0], pal.c[1]]);
    if (legend.dataset.key === key) return;
    legend.dataset.key = key;
    legend.replaceChildren(
      ...m.groups.map((g) => {
        const look = L[g.key];
        const sw = el("span", { className: "by-swatch" });
        sw.style.background = `color-mix(in srgb, ${look.color} ${Math.round(look.alpha * 100)}%, transparent)`;
        const item = el("li", {}, [
          sw,
          el("span", { text: look.label }),
          el("b", { text: f(g.count) }),
        ]);
        item.title = look.short;
        return item;
      }),
    );
  }

  function drawTree(m: BayesModel, p: BayesParams, pal: Palette): void {
    const W = Math.max(200, size(treeBox).w);
    const H = Math.max(150, size(treeBox).h);
    attrs(tree, { width: W, height: H, viewBox: `0 0 ${W} ${H}` });
    tree.replaceChildren();
    const L = looks(pal);
    const fs = pal.fontSize * (W < 420 ? 0.78 : 0.88);
    const small = fs * 0.82;
    const c = m.counts;
    const retestOn = p.retest;
    // Rows: the population, disease status, first test, and (retesting) the second test's tags.
    const yRoot = fs * 1.3;
    const yStatus = H * (retestOn ? 0.34 : 0.4);
    const yTest = H * (retestOn ? 0.66 : 0.78);
    const boxH = fs * 2.5;
    const text = (x: number, y: number, s: string, o: Record<string, string | number> = {}) => {
      const t = svg(
        "text",
        { x, y, "text-anchor": "middle", fill: pal.fg, "font-size": fs, ...o },
        tree,
      );
      t.textContent = s;
      return t;
    };
    const edge = (x1: number, y1: number, x2: number, y2: number, label: string, color: string) => {
      svg(
        "path",
        {
          d: `M${x1},${y1}L${x2},${y2}`,
          stroke: pal.muted,
          "stroke-width": Math.max(1, pal.lineWidth * 0.6),
          fill: "none",
        },
        tree,
      );
      const mx = (x1 + x2) / 2;
      const my = (y1 + y2) / 2;
      text(mx + (x2 < x1 ? -6 : 6), my + small * 0.35, label, {
        "text-anchor": x2 < x1 ? "end" : "start",
        "font-size": small,
        fill: color,
        stroke: pal.bg,
        "stroke-width": 3,
        "paint-order": "stroke",
      });
    };
    const node = (
      x: number,
      y: number,
      w: number,
      count: number,
      caption: string,
      look: Look | null,
    ) => {
      const fill = look ? look.color : pal.panel;
      svg(
        "rect",
        {
          x: x - w / 2,
          y,
          width: w,
          height: boxH,
          rx: 5,
          fill,
          "fill-opacity": look ? look.alpha : 1,
          stroke: look ? look.color : pal.muted,
          "stroke-width": 1,
        },
        tree,
      );
      const ink = look ? inkOn(look.alpha, pal) : pal.fg;
      text(x, y + fs * 1.1, f(count), { "font-weight": 700, fill: ink });
      text(x, y + fs * 2.15, caption, { "font-size": small, fill: ink });
    };
    const w1 = Math.min(W / 2 - 14, fs * 9);
    const w2 = Math.min(W / 4 - 6, fs * 6.5);
    const xs1 = [W * 0.25, W * 0.75];
    const xs2 = [W * 0.125, W * 0.375, W * 0.625, W * 0.875];
    const sickLook: Look = { color: pal.c[1], alpha: 0.16, label: "", short: "" };
    const wellLook: Look = { color: pal.c[0], alpha: 0.16, label: "", short: "" };
    node(W / 2, yRoot - fs, Math.min(W - 20, fs * 9), p.population, "people", null);
    const rootBottom = yRoot - fs + boxH;
    edge(W / 2, rootBottom, xs1[0], yStatus, pct(p.prevalence), pal.c[1]);
    edge(W / 2, rootBottom, xs1[1], yStatus, pct(1 - p.prevalence), pal.c[0]);
    node(xs1[0], yStatus, w1, m.sick, "sick", sickLook);
    node(xs1[1], yStatus, w1, m.healthy, "healthy", wellLook);
    const yb = yStatus + boxH;
    edge(xs1[0], yb, xs2[0], yTest, `+ ${pct(p.sensitivity)}`, pal.fg);
    edge(xs1[0], yb, xs2[1], yTest, `− ${pct(1 - p.sensitivity)}`, pal.muted);
    edge(xs1[1], yb, xs2[2], yTest, `+ ${pct(1 - p.specificity)}`, pal.fg);
    edge(xs1[1], yb, xs2[3], yTest, `− ${pct(p.specificity)}`, pal.muted);
    node(xs2[0], yTest, w2, c.truePositives, "true +", L["true-positive"]);
    node(xs2[1], yTest, w2, c.falseNegatives, "false −", L["false-negative"]);
    node(xs2[2], yTest, w2, c.falsePositives, "false +", L["false-positive"]);
    node(xs2[3], yTest, w2, c.trueNegatives, "true −", L["true-negative"]);
    if (retestOn) {
      // The second test only for the positives: how many of each stay positive.
      const y3 = Math.min(H - boxH - 2, yTest + boxH + fs * 2.2);
      const yt = yTest + boxH;
      edge(xs2[0], yt, xs2[0], y3, `+ again`, pal.fg);
      edge(xs2[2], yt, xs2[2], y3, `+ again`, pal.fg);
      node(xs2[0], y3, w2, m.second.sickAgain, "sick ++", L["true-positive-twice"]);
      node(xs2[2], y3, w2, m.second.healthyAgain, "healthy ++", L["false-positive-twice"]);
    }
    tree.setAttribute(
      "aria-label",
      `Tree: ${f(p.population)} people, ${f(m.sick)} sick and ${f(m.healthy)} healthy; ${f(c.truePositives)} true positives, ${f(c.falseNegatives)} false negatives, ${f(c.falsePositives)} false positives, ${f(c.trueNegatives)} true negatives.`,
    );
  }

  function drawBars(m: BayesModel, p: BayesParams, pal: Palette): void {
    const W = Math.max(200, size(barBox).w || size(treeBox).w);
    const fs = pal.fontSize * (W < 420 ? 0.78 : 0.86);
    const barH = Math.round(fs * 1.35);
    const rowH = Math.round(fs * 1.35 + barH + 8);
    const b = m.bayes;
    const L = looks(pal);
    type Row = {
      label: string;
      value: string;
      sick: number;
      well: number;
      sickLook: Look;
      wellLook: Look;
    };
    const rows: Row[] = [
      {
        label: `Before the test: everyone (${f(p.population)})`,
        value: `P(D) = ${pct(p.prevalence)}`,
        sick: m.sick,
        well: m.healthy,
        sickLook: { ...L["true-positive"], alpha: 0.8 },
        wellLook: { ...L["true-negative"], alpha: 0.45 },
      },
      {
        label: `Tested positive (${f(m.positives)})`,
        value: b.posterior === null ? "P(D|+) undefined" : `P(D|+) = ${pct(b.posterior)}`,
        sick: m.counts.truePositives,
        well: m.counts.falsePositives,
        sickLook: L["true-positive"],
        wellLook: L["false-positive"],
      },
      {
        label: `Tested negative (${f(m.negatives)})`,
        value: b.falseOmission === null ? "P(D|−) undefined" : `P(D|−) = ${pct(b.falseOmission)}`,
        sick: m.counts.falseNegatives,
        well: m.counts.trueNegatives,
        sickLook: L["false-negative"],
        wellLook: L["true-negative"],
      },
    ];
    if (p.retest)
      rows.push({
        label: `Positive twice (${f(m.second.positiveTwice)})`,
        value:
          m.twice.posterior === null
            ? "P(D|+,+) undefined"
            : `P(D|+,+) = ${pct(m.twice.posterior)}`,
        sick: m.second.sickAgain,
        well: m.second.healthyAgain,
        sickLook: L["true-positive-twice"],
        wellLook: L["false-positive-twice"],
      });
    const H = rows.length * rowH + 4;
    if (barBox.style.height !== `${H}px`) barBox.style.height = `${H}px`;
    attrs(bars, { width: W, height: H, viewBox: `0 0 ${W} ${H}` });
    bars.replaceChildren();
    const x0 = 1;
    const bw = W - 2;
    rows.forEach((r, i) => {
      const y = i * rowH + fs;
      const lab = svg("text", { x: x0, y, fill: pal.fg, "font-size": fs * 0.92 }, bars);
      lab.textContent = r.label;
      const val = svg(
        "text",
        {
          x: x0 + bw,
          y,
          fill: pal.fg,
          "font-size": fs * 0.92,
          "font-weight": 700,
          "text-anchor": "end",
        },
        bars,
      );
      val.textContent = r.value;
      const by = y + fs * 0.35;
      const total = r.sick + r.well;
      if (total === 0) {
        svg(
          "rect",
          {
            x: x0,
            y: by,
            width: bw,
            height: barH,
            fill: "none",
            stroke: pal.muted,
            "stroke-dasharray": "4 3",
            rx: 3,
          },
          bars,
        );
        return;
      }
      // A sick share too thin to see still gets a sliver, so "rare" never reads as "none".
      let sw = (bw * r.sick) / total;
      if (r.sick > 0) sw = Math.max(2, sw);
      if (r.well > 0) sw = Math.min(bw - 2, sw);
      const seg = (x: number, w: number, look: Look, count: number, align: "start" | "end") => {
        if (w <= 0) return;
        svg(
          "rect",
          { x, y: by, width: w, height: barH, fill: look.color, "fill-opacity": look.alpha },
          bars,
        );
        const s = f(count);
        if (w > s.length * fs * 0.6 + 8) {
          const t = svg(
            "text",
            {
              x: align === "start" ? x + 4 : x + w - 4,
              y: by + barH * 0.72,
              "text-anchor": align,
              fill: inkOn(look.alpha, pal),
              "font-size": fs * 0.85,
              "font-weight": 600,
            },
            bars,
          );
          t.textContent = s;
        }
      };
      seg(x0, sw, r.sickLook, r.sick, "start");
      seg(x0 + sw, bw - sw, r.wellLook, r.well, "end");
      svg(
        "rect",
        {
          x: x0,
          y: by,
          width: bw,
          height: barH,
          fill: "none",
          stroke: pal.muted,
          "stroke-width": 1,
          rx: 2,
        },
        bars,
      );
    });
    bars.setAttribute("aria-label", rows.map((r) => `${r.label}: ${r.value}`).join("; "));
  }

  function draw(p: BayesParams, m: BayesModel): void {
    const pal = ctx.palette();
    const L = looks(pal);
    setLesson(m, p);
    setLegend(m, pal);
    const groups: CellGroup[] = m.groups.map((g) => ({
      count: g.count,
      color: L[g.key].color,
      alpha: L[g.key].alpha,
    }));
    grid.resize(size(gridBox).w, size(gridBox).h);
    const hl = m.highlight;
    const icons = grid.draw(
      groups,
      pal,
      hl.count > 0
        ? {
            from: hl.from,
            to: hl.to,
            color: pal.fg,
            label: `${f(hl.count)} ${p.retest ? "positive twice" : "tested positive"}, ${f(hl.sick)} sick`,
          }
        : undefined,
    );
    popHead.textContent = `${f(p.population)} people, one ${icons ? "figure" : "square"} each`;
    grid.canvas.setAttribute(
      "aria-label",
      `${f(p.population)} people: ${m.groups.map((g) => `${f(g.count)} ${L[g.key].short}`).join(", ")}.`,
    );
    drawTree(m, p, pal);
    drawBars(m, p, pal);
  }

  return {
    update(p: BayesParams, m: BayesModel) {
      draw(p, m);
    },
    resize({ width }: { width: number; height: number }) {
      const isNarrow = width < NARROW_PX;
      if (isNarrow !== narrow) {
        narrow = isNarrow;
        host.classList.toggle("lg-stage-flow", narrow);
      }
    },
    dispose() {
      boxSizes.disconnect();
      grid.dispose();
      root.remove();
      host.classList.remove("by-host", "lg-stage-flow");
    },
  };
}
