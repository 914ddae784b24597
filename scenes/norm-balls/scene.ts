// L1, L2, L∞ and Lp balls: drag a point x and see the diamond, circle and square of the three norms
// through it, and a general Lp ball. Notice that each ball crosses the axis at its norm, so
// ‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁ can be read off the axis, and that the smallest diamond touching a line
// touches it at a corner: L1 prefers sparse points. SCENES.md: `norm-balls`.
import { norm1, norm2, normInf, type Vec2 } from "../../src/core/vec";
import { formatNumber as f, texNumber as t } from "../../src/kit/format";
import { presetBase } from "../../src/kit/params";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import { normModel, params, presets, type NormModel } from "./model";
import { mountNormBalls } from "./view";

const pName = (p: number) => (p === Infinity ? "∞" : f(p, 3));
const texP = (p: number) => (p === Infinity ? "\\infty" : t(p, 3));
const abs = (v: number) => `|${t(v)}|`;

const TF = presets["three-four"];
const THREE_FOUR: Vec2 = [TF.px, TF.py];
const SP = presets.sparse;
/** The L1 minimiser on the sparse preset's line, from the scene's own model. */
function sparseL1(): Vec2 {
  const s = normModel(presetBase(params, presets, "sparse")).sparse;
  if (!s) throw new RangeError("the sparse preset should turn the line on");
  return s.l1.point;
}

export default defineScene({
  meta,
  params,
  presets,
  drills: [
    {
      id: "norms-3-4",
      title: "Check · three norms of one vector",
      question: `x = (${TF.px}, ${TF.py}). Compute ‖x‖₁, ‖x‖₂ and ‖x‖∞, and check their order.`,
      fields: [
        { label: "‖x‖₁", value: () => norm1(THREE_FOUR), tol: 1e-3 },
        { label: "‖x‖₂", value: () => norm2(THREE_FOUR), tol: 1e-3 },
        { label: "‖x‖∞", value: () => normInf(THREE_FOUR), tol: 1e-3 },
      ],
      answer: () =>
        "‖x‖₁ = |3| + |−4|, ‖x‖₂ = √(9 + 16), ‖x‖∞ = max(|3|, |−4|). The largest entry is at most the length, which is at most the sum of the entries' sizes: ‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁ for every x.",
      preset: "three-four",
    },
    {
      id: "l1-sparse",
      title: "Check · why L1 gives sparse solutions",
      question: `Among the points z on the line through (${SP.px}, ${SP.py}) at ${SP.lineAngle}°, which has the smallest ‖z‖₁? Give z₁ and z₂.`,
      fields: [
        {
          label: "z₁",
          value: () => sparseL1()[0],
          tol: 0.01,
        },
        {
          label: "z₂",
          value: () => sparseL1()[1],
          tol: 0.01,
        },
      ],
      answer: () =>
        "Grow the diamond ‖z‖₁ ≤ r until it first touches the line: unless the line is parallel to an edge, it touches at a corner, and the corners lie on the axes, so one coordinate is exactly 0. The circle has no corners and touches where both coordinates are non-zero. This is why an L1 penalty (the lasso) sets weights to exactly zero and an L2 penalty (ridge) only shrinks them.",
      preset: "sparse",
    },
  ],
  model: (p) => normModel(p),
  readouts(m: NormModel) {
    return [
      { name: "l1", label: "‖x‖₁", value: m.l1 },
      { name: "l2", label: "‖x‖₂", value: m.l2 },
      { name: "linf", label: "‖x‖∞", value: m.linf },
      { name: "lp", label: `‖x‖ₚ (p = ${pName(m.p)})`, value: m.lp },
    ];
  },
  formulas(m: NormModel) {
    const [a, b] = m.x;
    const lpTex =
      m.p === Infinity
        ? `\\|x\\|_\\infty = ${t(m.lp)} \\quad (p = \\infty)`
        : `\\|x\\|_{${texP(m.p)}} = \\left(${abs(a)}^{${texP(m.p)}} + ${abs(b)}^{${texP(m.p)}}\\right)^{1/${texP(m.p)}} = ${t(m.lp)}`;
    const chain = [
      { v: m.linf, tex: "\\|x\\|_\\infty", p: Infinity },
      { v: m.l2, tex: "\\|x\\|_2", p: 2 },
      { v: m.l1, tex: "\\|x\\|_1", p: 1 },
    ];
    if (m.p !== 1 && m.p !== 2 && m.p !== Infinity)
      chain.push({ v: m.lp, tex: `\\|x\\|_{${texP(m.p)}}`, p: m.p });
    // ‖x‖ₚ is non-increasing in p, so ordering by p (largest first) is ordering by value.
    chain.sort((u, v) => v.p - u.p);
    return [
      `\\|x\\|_1 = ${abs(a)} + ${abs(b)} = ${t(m.l1)}`,
      `\\|x\\|_2 = \\sqrt{${t(a)}^2 + ${t(b)}^2} = ${t(m.l2)}`,
      `\\|x\\|_\\infty = \\max(${abs(a)}, ${abs(b)}) = ${t(m.linf)}`,
      lpTex,
      chain.map((c) => `${c.tex}`).join(" \\le ") +
        ": \\quad " +
        chain.map((c) => t(c.v)).join(" \\le "),
    ];
  },
  describe(m: NormModel) {
    const base = `x = (${f(m.x[0])}, ${f(m.x[1])}): ‖x‖∞ = ${f(m.linf)} ≤ ‖x‖₂ = ${f(m.l2)} ≤ ‖x‖₁ = ${f(m.l1)}, and ‖x‖ₚ = ${f(m.lp)} for p = ${pName(m.p)}.`;
    if (!m.sparse) return base;
    const s = m.sparse;
    return `${base} On the line through x, the smallest ‖z‖₁ is at (${f(s.l1.point[0])}, ${f(s.l1.point[1])}) and the smallest ‖z‖₂ at (${f(s.l2.point[0])}, ${f(s.l2.point[1])}).`;
  },
  mount: mountNormBalls,
});
