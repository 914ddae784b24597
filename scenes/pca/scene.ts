// PCA by hand, and by SVD: centre the points, form the covariance C = XcᵀXc/(n − 1), take its
// eigenvectors (and, as a check, the right singular vectors of Xc). Notice that PC1 is the long
// axis of the covariance ellipse, that the drop lines onto it are as short as they can be, and
// that the two routes give the same numbers. SCENES.md: `pca`.
import { varianceFractionTopK } from "../../src/core/linalg";
import { formatNumber as f, texNumber as t, type Readout } from "../../src/kit/format";
import { defaultsOf } from "../../src/kit/schema";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import { D4_EIGENVALUES, params, pcaModel, presets, type PcaModel, type PcaParams } from "./model";
import { mountPca } from "./view";

/** The scree-4d preset's model: drill D4's answer is read off the data it builds. */
const d4Model = () => pcaModel({ ...defaultsOf(params), ...presets["scree-4d"] } as PcaParams);

const SHOWN_SCORES = 6;

function whyNot(m: PcaModel): string {
  switch (m.status) {
    case "empty":
      return "no points";
    case "single-point":
      return "n = 1: the covariance divides by n − 1 = 0";
    case "no-spread":
      return "all points coincide: no direction of spread";
    default:
      return "";
  }
}

function texVec(v: readonly number[]): string {
  return `(${v.map((x) => t(x, 3)).join(",\\ ")})`;
}

function texMatrix(a: readonly (readonly number[])[]): string {
  return `\\begin{bmatrix} ${a.map((row) => row.map((x) => t(x, 3)).join(" & ")).join(" \\\\ ")} \\end{bmatrix}`;
}

const percent = (v: number) => `${f(v, 4)} (${f(v * 100, 4)}%)`;

export default defineScene({
  meta,
  params,
  presets,
  drills: [
    {
      id: "d4-variance-fraction",
      title: "D4 · PCA variance fraction",
      question:
        "Covariance eigenvalues are 12, 6, 1.5, 0.5. What fraction of variance is captured by the top two PCs?",
      fields: [{ label: "fraction", value: () => d4Model().cov?.cumulative[1] ?? NaN, tol: 0.005 }],
      answer: () => {
        const m = d4Model();
        const lam = m.cov?.eigenvalues ?? [];
        return `(λ₁ + λ₂)/Σλ = (12 + 6)/(12 + 6 + 1.5 + 0.5) = ${f(varianceFractionTopK(D4_EIGENVALUES, 2), 4)}. “Show me” builds ${m.points.length} points in 4-D whose sample covariance has exactly these eigenvalues; the PCA of that data finds λ = ${lam.map((l) => f(l, 6)).join(", ")} and the scree panel shows the top two keep ${f((m.cov?.cumulative[1] ?? 0) * 100, 4)}%`;
      },
      preset: "scree-4d",
    },
  ],
  model: (p) => pcaModel(p),
  readouts(m: PcaModel): Readout[] {
    const c = m.cov;
    const why = whyNot(m);
    const ok = c !== null && c.status === "ok";
    const covOk = c !== null && m.points.length > 1;
    const scores = ok ? m.plane.scores : null;
    return [
      { name: "mean", label: "mean x̄", value: c ? c.mean : null, why },
      { name: "cov", label: "covariance C", value: covOk ? c.cov.flat() : null, why, digits: 4 },
      { name: "eigenvalues", label: "λ (variances)", value: covOk ? c.eigenvalues : null, why },
      { name: "pc1", label: "PC1", value: ok ? c.components[0] : null, why },
      { name: "pc2", label: "PC2", value: ok ? c.components[1] : null, why },
      {
        name: "variance-kept",
        label: "kept by PC1",
        value: ok ? c.cumulative[0] : null,
        text: ok ? percent(c.cumulative[0]) : undefined,
        why,
      },
      {
        name: "variance-kept-2",
        label: "kept by PC1, PC2",
        value: ok ? c.cumulative[1] : null,
        text: ok ? percent(c.cumulative[1]) : undefined,
        why,
      },
      {
        name: "scores",
        label: "scores on PC1",
        value: scores,
        text:
          scores && scores.length > SHOWN_SCORES
            ? `(${scores
                .slice(0, SHOWN_SCORES)
                .map((s) => f(s, 3))
                .join(", ")}, …) ${scores.length} scores`
            : undefined,
        digits: 4,
        why,
      },
    ];
  },
  formulas(m) {
    const c = m.cov;
    const n = m.points.length;
    if (!c || n < 2)
      return [`n = ${n}:\\ C = \\tfrac{1}{n-1} X_c^\\top X_c \\text{ needs } n \\ge 2`];
    // Short lines, three digits: KaTeX typesetting is most of a redraw while a point is dragged.
    const out = [
      `n = ${n},\\quad \\bar x = ${texVec(c.mean)}`,
      m.d === 2
        ? `C = \\tfrac{1}{n-1} X_c^\\top X_c = ${texMatrix(c.cov)}`
        : `C = \\tfrac{1}{n-1} X_c^\\top X_c \\ (4 \\times 4)`,
    ];
    if (c.status !== "ok") return [...out, `C = 0:\\ \\text{no direction of spread}`];
    out.push(
      `C v_j = \\lambda_j v_j:\\ \\lambda = ${texVec(c.eigenvalues)}`,
      `X_c = U S V^\\top:\\ \\tfrac{s_j^2}{n-1} = ${texVec(m.svd?.eigenvalues ?? [])}`,
      `\\tfrac{\\lambda_1}{\\sum_j \\lambda_j} = ${t(c.cumulative[0], 3)},\\quad \\tfrac{\\lambda_1 + \\lambda_2}{\\sum_j \\lambda_j} = ${t(c.cumulative[1], 3)}`,
    );
    return out;
  },
  describe(m) {
    const c = m.cov;
    const n = m.points.length;
    if (m.status === "empty") return "No points: click the plane to add some.";
    if (m.status === "single-point")
      return "One point: the covariance (divided by n − 1 = 0) is undefined, so there are no principal components.";
    if (m.status === "no-spread")
      return `All ${n} points coincide: the covariance is zero and no direction stands out.`;
    if (!c) return "";
    if (m.d === 4)
      return `${n} points in 4-D with covariance eigenvalues ${c.eigenvalues.map((l) => f(l, 3)).join(", ")}: the top two components keep ${f(c.cumulative[1] * 100, 3)}% of the variance; eigh and SVD agree.`;
    return `${n} points: PC1 = ${`(${c.components[0].map((x) => f(x, 3)).join(", ")})`} carries λ₁ = ${f(c.eigenvalues[0], 3)}, ${f(c.cumulative[0] * 100, 3)}% of the variance${m.status === "collinear" ? " (all of it: the points are collinear)" : `, PC2 λ₂ = ${f(c.eigenvalues[1], 3)}`}; eigh and SVD agree.`;
  },
  mount: mountPca,
});
