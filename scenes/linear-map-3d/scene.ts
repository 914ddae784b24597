// Determinant, trace and rank in 3D: a 3×3 matrix carries the unit cube to a parallelepiped of
// volume |det A|, and its columns span all of space, a plane, a line or a point. Notice that
// det = λ₁λ₂λ₃ and tr = λ₁ + λ₂ + λ₃, and that the volume collapses exactly when the rank drops.
// SCENES.md: `linear-map-3d`.
import { det, matrixFromEigen3, outer, rank, trace } from "../../src/core/linalg";
import { formatNumber as f, texNumber as t, type Readout } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import {
  RANK_ONE_U,
  RANK_ONE_V,
  columnSpaceWords,
  map3Model,
  params,
  presets,
  type Eigenpair,
  type Map3Model,
} from "./model";
import { mountLinearMap3d } from "./view";

const D1 = presets["drill-eigs-1-2-4"];
const D1_MATRIX = () =>
  matrixFromEigen3(
    [D1.l1, D1.l2, D1.l3],
    [(D1.alpha * Math.PI) / 180, (D1.beta * Math.PI) / 180, (D1.gamma * Math.PI) / 180],
  );
/** Drill D3 as the source states it: u ∈ ℝ⁵, v ∈ ℝ³, so A = u·vᵀ is 5×3. */
const D3_U = [1, -2, 0.5, 3, 1];
const D3_V = [2, -1, 1];

/** λ as text: a real number, or a ± bi. */
function eigText(e: Eigenpair, digits = 4): string {
  if (e.im === 0) return f(e.re, digits);
  return `${f(e.re, digits)} ${e.im > 0 ? "+" : "−"} ${f(Math.abs(e.im), digits)}i`;
}

function eigTex(e: Eigenpair): string {
  if (e.im === 0) return e.re < 0 ? `(${t(e.re)})` : t(e.re);
  return `(${t(e.re)} ${e.im > 0 ? "+" : "-"} ${t(Math.abs(e.im))}i)`;
}

function matrixTex(m: readonly number[]): string {
  const rows = [0, 1, 2].map((i) => [0, 1, 2].map((j) => t(m[3 * i + j], 3)).join(" & "));
  return `\\begin{bmatrix} ${rows.join(" \\\\ ")} \\end{bmatrix}`;
}

export default defineScene({
  meta,
  params,
  presets,
  animated: true,
  drills: [
    {
      id: "d1-det-trace",
      title: "D1 · Determinant and trace from eigenvalues",
      question: "A 3×3 matrix has eigenvalues 1, 2, 4. Find det(A) and trace(A).",
      fields: [
        { label: "det A", value: () => det(D1_MATRIX()), tol: 0.01 },
        { label: "tr A", value: () => trace(D1_MATRIX()), tol: 0.01 },
      ],
      answer: () =>
        `det A = λ₁λ₂λ₃ and tr A = λ₁ + λ₂ + λ₃ for every square matrix (over ℂ, with multiplicity). “Show me” builds A = R·diag(4, 2, 1)·Rᵀ: its entries look nothing like 1, 2, 4, yet the unit cube becomes a box of volume ${f(Math.abs(det(D1_MATRIX())), 6)} and the diagonal adds up to ${f(trace(D1_MATRIX()), 6)}`,
      preset: "drill-eigs-1-2-4",
    },
    {
      id: "d3-rank-one",
      title: "D3 · Rank of a rank-1 update",
      question: "Let A = u vᵀ where u ∈ ℝ⁵, v ∈ ℝ³, both non-zero. What is rank(A)?",
      fields: [{ label: "rank A", value: () => rank(outer(D3_U, D3_V)), tol: 0 }],
      answer: () =>
        `Column j of A is vⱼ·u, a multiple of u, so the column space is the line spanned by u. “Show me” uses the 3×3 case u = (${RANK_ONE_U.join(", ")}), v = (${RANK_ONE_V.join(", ")}): rank ${rank(outer(RANK_ONE_U, RANK_ONE_V))}, and the whole cube lands on one line`,
      preset: "rank-one",
    },
  ],
  model: (p) => map3Model(p),
  readouts(m: Map3Model): Readout[] {
    const { A } = m;
    const lam = (i: number): Readout => {
      const e = A.eig[i];
      return {
        name: `lambda${i + 1}`,
        label: `λ${["₁", "₂", "₃"][i]}`,
        value: e.re,
        text: e.im !== 0 ? eigText(e) : undefined,
      };
    };
    return [
      { name: "det", label: "det A", value: A.det },
      { name: "trace", label: "tr A", value: A.trace },
      { name: "rank", label: "rank A", value: A.rank },
      lam(0),
      lam(1),
      lam(2),
      { name: "volume", label: "volume |det A|", value: Math.abs(A.det) },
    ];
  },
  formulas(m, p) {
    const { A } = m;
    const [l1, l2, l3] = A.eig;
    const out = [
      p.mode === "eigen"
        ? `A = R\\,\\operatorname{diag}(${t(p.l1)}, ${t(p.l2)}, ${t(p.l3)})\\,R^\\top = ${matrixTex(A.M)}`
        : `A = ${matrixTex(A.M)}`,
      `\\det A = \\lambda_1\\lambda_2\\lambda_3 = ${eigTex(l1)}\\cdot${eigTex(l2)}\\cdot${eigTex(l3)} = ${t(A.det)}`,
      `\\operatorname{tr} A = a_{11} + a_{22} + a_{33} = \\lambda_1 + \\lambda_2 + \\lambda_3 = ${t(A.trace)}`,
      `\\operatorname{rank} A = \\dim \\operatorname{col} A = ${A.rank}, \\quad \\text{volume} = |\\det A| = ${t(Math.abs(A.det))}`,
    ];
    if (m.t !== 1)
      out.push(`\\text{drawn: } (1 - t)I + tA,\\ t = ${t(m.t, 3)}:\\ \\det = ${t(m.drawn.det)}`);
    return out;
  },
  describe(m) {
    const { A } = m;
    const eigs = A.eig.map((e) => eigText(e, 3));
    const vol =
      A.rank === 3
        ? `the unit cube becomes a parallelepiped of volume ${f(Math.abs(A.det), 3)}${A.det < 0 ? ", turned inside out (det < 0)" : ""}`
        : "the unit cube is flattened to volume 0";
    return `A has eigenvalues ${eigs.slice(0, 2).join(", ")} and ${eigs[2]}; det ${f(A.det, 3)}, trace ${f(A.trace, 3)}; ${vol}; rank ${A.rank}: the columns span ${columnSpaceWords(A.rank)}.`;
  },
  mount: mountLinearMap3d,
});
