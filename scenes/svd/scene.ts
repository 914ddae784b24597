// SVD as rotate, stretch, rotate: the unit circle (or sphere) is carried through Vᵀ, Σ and U in
// turn by a continuous stage slider, and the thin and full SVD of an m×n matrix are drawn to scale.
// Notice that the ellipse's semi-axes are σ₁u₁ and σ₂u₂, that σ₂ = 0 flattens it (rank 1), and that
// the thin SVD only drops columns of U that multiply zeros. SCENES.md: `svd`.
import { frobeniusNorm, fullSvdShapes, svd, thinSvdShapes } from "../../src/core/linalg";
import { det2 } from "../../src/core/vec";
import { formatNumber as f, texNumber as t } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import { params, presets, shapeWord, svdModel, type SvdModel } from "./model";
import { mountSvd } from "./view";

const D2 = presets["d2-100x5"];
const SH = presets.shear;
const SHEAR = [
  [SH.a11, SH.a12],
  [SH.a21, SH.a22],
];
const R1 = presets["rank-one"];
const RANK_ONE = [
  [R1.a11, R1.a12],
  [R1.a21, R1.a22],
];

/** A matrix as rows of numbers for a readout's text: [a b; c d]. */
const matText = (a: number[][]) =>
  `[${a.map((row) => row.map((x) => f(x, 3)).join(" ")).join("; ")}]`;
const texMat = (a: number[][]) =>
  `\\begin{bmatrix}${a.map((row) => row.map((x) => t(x, 3)).join(" & ")).join(" \\\\ ")}\\end{bmatrix}`;

export function stageWords(stage: number): string {
  if (stage <= 0) return "the unit circle before any step";
  if (stage < 1) return "Vᵀ is turning it";
  if (stage === 1) return "after Vᵀ";
  if (stage < 2) return "Σ is stretching it along the axes";
  if (stage === 2) return "after ΣVᵀ";
  if (stage < 3) return "U is turning it into place";
  return "the full map A = UΣVᵀ";
}

export default defineScene({
  meta,
  params,
  presets,
  animated: true,
  drills: [
    {
      id: "d2-svd-shapes",
      title: "D2 · SVD shapes",
      question: `X is ${D2.m}×${D2.n}. Give the shapes of U, Σ and Vᵀ in the thin SVD.`,
      fields: [
        { label: "U rows", value: () => thinSvdShapes(D2.m, D2.n).u[0], tol: 0 },
        { label: "U columns", value: () => thinSvdShapes(D2.m, D2.n).u[1], tol: 0 },
        { label: "Σ rows", value: () => thinSvdShapes(D2.m, D2.n).s[0], tol: 0 },
        { label: "Σ columns", value: () => thinSvdShapes(D2.m, D2.n).s[1], tol: 0 },
        { label: "Vᵀ rows", value: () => thinSvdShapes(D2.m, D2.n).vt[0], tol: 0 },
        { label: "Vᵀ columns", value: () => thinSvdShapes(D2.m, D2.n).vt[1], tol: 0 },
      ],
      answer: () => {
        const th = thinSvdShapes(D2.m, D2.n);
        const fu = fullSvdShapes(D2.m, D2.n);
        const r = th.s[0];
        return `Thin: U ${shapeWord(th.u)}, Σ ${shapeWord(th.s)}, Vᵀ ${shapeWord(th.vt)}; full: U ${shapeWord(fu.u)}, Σ ${shapeWord(fu.s)}, Vᵀ ${shapeWord(fu.vt)}. X has only r = min(m, n) = ${r} singular values. The full Σ has ${fu.s[0] - r} rows of zeros below them, and the thin SVD drops those rows together with the ${fu.u[1] - r} columns of U they multiply: X = UΣVᵀ is unchanged.`;
      },
      preset: "d2-100x5",
    },
    {
      id: "shear-sigmas",
      title: "Check · singular values of a shear",
      question: `A = [[${SH.a11}, ${SH.a12}], [${SH.a21}, ${SH.a22}]]. Predict σ₁σ₂ (think of areas), then σ₁.`,
      fields: [
        { label: "σ₁σ₂", value: () => svd(SHEAR).s[0] * svd(SHEAR).s[1], tol: 0.01 },
        { label: "σ₁", value: () => svd(SHEAR).s[0], tol: 0.01 },
      ],
      answer: () =>
        "The unit circle (area π) becomes an ellipse of area π·σ₁σ₂, and a 2×2 map scales areas by |det A| = 1, so σ₁σ₂ = 1. Also σ₁² + σ₂² = ‖A‖²_F = 3, so σ₁² and σ₂² are the roots of t² − 3t + 1 = 0: σ₁ is the golden ratio (1 + √5)/2.",
      preset: "shear",
    },
    {
      id: "rank-one-sigma",
      title: "Check · a rank-one matrix",
      question: `A = [[${R1.a11}, ${R1.a12}], [${R1.a21}, ${R1.a22}]] has proportional rows. What is σ₂, and what does the circle become?`,
      fields: [{ label: "σ₂", value: () => svd(RANK_ONE).s[1], tol: 1e-6 }],
      answer: () =>
        "Every column is a multiple of one vector u, so A has rank 1 (drill D3) and only one non-zero singular value: σ₂ = 0. Σ flattens the circle onto a segment along u₁, of half-length σ₁ = ‖A‖_F.",
      preset: "rank-one",
    },
  ],
  model: (p) => svdModel(p),
  readouts(m: SvdModel) {
    const p = m.panel;
    return [
      { name: "sigma1", label: "σ₁", value: m.s[0] },
      { name: "sigma2", label: "σ₂", value: m.s[1] },
      { name: "u", label: `U (thin, ${m.rows}×2)`, value: m.uThin.flat(), text: matText(m.uThin) },
      { name: "v", label: `V (thin, ${m.cols}×2)`, value: m.vThin.flat(), text: matText(m.vThin) },
      {
        name: "reconstruction-error",
        label: "‖A − UΣVᵀ‖_F",
        value: m.reconstructionError,
        digits: 2,
      },
      { name: "thin-u-shape", label: `U of ${p.m}×${p.n} X`, value: shapeWord(p.thin.u) },
      { name: "thin-s-shape", label: "Σ (thin)", value: shapeWord(p.thin.s) },
      { name: "thin-vt-shape", label: "Vᵀ (thin)", value: shapeWord(p.thin.vt) },
    ];
  },
  formulas(m: SvdModel) {
    const out = [
      `A = ${texMat(m.A)} = U\\Sigma V^\\top,\\quad \\sigma_1 = ${t(m.s[0])},\\ \\sigma_2 = ${t(m.s[1])}`,
      `U = ${texMat(m.uThin)},\\quad V = ${texMat(m.vThin)}`,
    ];
    const fro2 = frobeniusNorm(m.A) ** 2;
    if (m.shape === "2x2") {
      const det = det2([m.A[0][0], m.A[0][1], m.A[1][0], m.A[1][1]]);
      out.push(
        `\\sigma_1\\sigma_2 = |\\det A| = ${t(Math.abs(det))},\\quad \\sigma_1^2 + \\sigma_2^2 = \\|A\\|_F^2 = ${t(fro2)}`,
      );
    } else out.push(`\\sigma_1^2 + \\sigma_2^2 = \\|A\\|_F^2 = ${t(fro2)}`);
    out.push(`\\|A - U\\Sigma V^\\top\\|_F = ${t(m.reconstructionError, 2)}`);
    const p = m.panel;
    const r = p.thin.s[0];
    out.push(
      `X_{${p.m}\\times ${p.n}} = U_{${p.m}\\times ${r}}\\,\\Sigma_{${r}\\times ${r}}\\,V^\\top_{${r}\\times ${p.n}},\\quad r = \\min(m, n) = ${r}`,
    );
    return out;
  },
  describe(m: SvdModel) {
    const p = m.panel;
    const rank =
      m.rank === 2
        ? "rank 2"
        : m.rank === 1
          ? "rank 1: the circle flattens to a segment"
          : "A = 0: everything collapses to the origin";
    return `A (${m.rows}×${m.cols}) has singular values σ₁ = ${f(m.s[0])} and σ₂ = ${f(m.s[1])} (${rank}); stage ${f(m.stage, 3)}: ${stageWords(m.stage)}. The thin SVD of a ${p.m}×${p.n} X has U ${shapeWord(p.thin.u)}, Σ ${shapeWord(p.thin.s)}, Vᵀ ${shapeWord(p.thin.vt)}.`;
  },
  mount: mountSvd,
});
