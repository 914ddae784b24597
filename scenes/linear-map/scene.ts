// Eigenvectors under a 2D linear map: A carries the grid, the unit square and the unit circle; a
// probe v and its image Av are parallel exactly on an eigenvector. Notice that real eigenvectors
// are the lines A does not turn, and complex eigenvalues mean A turns every line.
// SCENES.md: `linear-map`.
import { eigen2 } from "../../src/core/eigen2";
import { formatNumber as f, texNumber as t } from "../../src/kit/format";
import { det2, trace2 } from "../../src/core/vec";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import { linearMapModel, params, presets, type LinearMapModel } from "./model";
import { mountLinearMap } from "./view";

const CP = presets.checkpoint;
const CHECKPOINT = [CP.a11, CP.a12, CP.a21, CP.a22] as const;

function eigText(m: LinearMapModel): string {
  const e = m.eig;
  if (e.kind === "complex")
    return `complex eigenvalues ${f(e.re)} ± ${f(e.im)}i: no real direction is kept, the map rotates`;
  if (e.kind === "repeated")
    return e.vectors.length === 2
      ? `A = ${f(e.value)}·I: every vector is an eigenvector`
      : `one repeated eigenvalue ${f(e.value)} with a single eigen-direction (defective)`;
  return `eigenvalues ${f(e.values[0])} and ${f(e.values[1])}`;
}

export default defineScene({
  meta,
  params,
  presets,
  animated: true,
  drills: [
    {
      id: "checkpoint-eig2",
      title: "Checkpoint · eigenvalues of a 2×2",
      question: `A = [[${CP.a11}, ${CP.a12}], [${CP.a21}, ${CP.a22}]]. Find λ₁ ≥ λ₂ (hint: λ² − tr(A)·λ + det(A) = 0).`,
      fields: [
        { label: "λ₁", value: () => real(eigen2(CHECKPOINT), 0), tol: 0.01 },
        { label: "λ₂", value: () => real(eigen2(CHECKPOINT), 1), tol: 0.01 },
      ],
      answer: () =>
        `tr A = ${f(trace2(CHECKPOINT))} and det A = ${f(det2(CHECKPOINT))}, so λ² − ${f(trace2(CHECKPOINT))}λ + ${f(det2(CHECKPOINT))} = 0. Each eigenvalue is how much A stretches its own eigenvector; both positive means A keeps orientation along those lines.`,
      preset: "checkpoint",
    },
    {
      id: "d5-orthogonal",
      title: "D5 · Symmetric ⇒ orthogonal eigenvectors",
      question:
        "If A = Aᵀ and λ₁ ≠ λ₂, what is v₁ᵀv₂? Predict, then turn on “symmetric” and drag the entries.",
      fields: [{ label: "v₁ᵀv₂", value: () => 0, tol: 1e-6 }],
      answer: () =>
        "v₁ᵀAv₂ = λ₂v₁ᵀv₂ and also (Av₁)ᵀv₂ = λ₁v₁ᵀv₂, so (λ₁ − λ₂)v₁ᵀv₂ = 0. The eigvec-dot readout stays 0 for every symmetric A.",
      preset: "symmetric",
    },
  ],
  model: (p) => linearMapModel(p),
  readouts(m) {
    const e = m.eig;
    const complex = e.kind === "complex";
    const l1 = e.kind === "real" ? e.values[0] : e.kind === "repeated" ? e.value : e.re;
    const l2 = e.kind === "real" ? e.values[1] : l1;
    const v1 = m.directions[0]?.v ?? null;
    const v2 = m.directions[1]?.v ?? null;
    const why2 = complex
      ? "complex eigenvalues: no real eigenvector"
      : "defective: only one eigen-direction";
    return [
      {
        name: "lambda1",
        label: "λ₁",
        value: l1,
        text: complex ? `${f(e.re)} + ${f(e.im)}i` : undefined,
      },
      {
        name: "lambda2",
        label: "λ₂",
        value: l2,
        text: complex ? `${f(e.re)} − ${f(e.im)}i` : undefined,
      },
      { name: "lambda-im", label: "Im λ", value: complex ? e.im : 0 },
      { name: "det", label: "det A", value: m.det },
      { name: "trace", label: "tr A", value: m.trace },
      { name: "eig-product", label: "λ₁λ₂", value: complex ? e.re * e.re + e.im * e.im : l1 * l2 },
      { name: "eig-sum", label: "λ₁ + λ₂", value: complex ? 2 * e.re : l1 + l2 },
      { name: "eigvec1", label: "v₁", value: v1, why: "complex eigenvalues: no real eigenvector" },
      { name: "eigvec2", label: "v₂", value: v2, why: why2 },
      {
        name: "eigvec-dot",
        label: "v₁ᵀv₂",
        value: v1 && v2 ? v1[0] * v2[0] + v1[1] * v2[1] : null,
        why: "needs two real eigenvectors",
      },
    ];
  },
  formulas(m) {
    const [a, b, c, d] = m.A;
    const disc = m.trace * m.trace - 4 * m.det;
    return [
      `A = \\begin{bmatrix} ${t(a)} & ${t(b)} \\\\ ${t(c)} & ${t(d)} \\end{bmatrix}`,
      `\\det A = ad - bc = ${t(m.det)}, \\quad \\operatorname{tr} A = a + d = ${t(m.trace)}`,
      `\\lambda_{1,2} = \\tfrac{1}{2}\\bigl(\\operatorname{tr} A \\pm \\sqrt{(\\operatorname{tr} A)^2 - 4\\det A}\\bigr)`,
      `(\\operatorname{tr} A)^2 - 4\\det A = ${t(disc)}${disc < 0 ? " < 0 \\Rightarrow \\text{complex pair}" : ""}`,
    ];
  },
  describe(m, p) {
    const probe =
      m.onEigenvector !== null
        ? `The probe at ${f(p.angle)}° lies on an eigenvector: Av = ${f(m.probeLambda ?? 0)}·v.`
        : `The probe at ${f(p.angle)}° is turned by ${f(m.misalignDeg, 3)}°.`;
    return `A has ${eigText(m)}; det ${f(m.det)}, trace ${f(m.trace)}. ${probe}`;
  },
  mount: mountLinearMap,
});

/** A real eigenvalue by index (0 or 1); the checkpoint matrix has two. */
function real(e: ReturnType<typeof eigen2>, i: 0 | 1): number {
  if (e.kind !== "real") throw new RangeError("the checkpoint matrix should have real eigenvalues");
  return e.values[i];
}

export { eigText };
