// Low-rank approximation of an image: keep the k largest terms σᵢuᵢvᵢᵀ of the SVD. Notice how
// few terms a photograph needs, that a checkerboard is exactly rank 2 while noise cannot be
// compressed, and that the relative error is √(dropped energy), as Eckart–Young says.
// SCENES.md: `low-rank`.
import { compressionRatio, energyKept, relativeError } from "../../src/core/spectrum";
import { formatNumber as f, texNumber as t, type Readout } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import { BUNDLED_SIZE } from "./images";
import { lowRankModel, params, presets, type LowRankModel } from "./model";
import { mountLowRank } from "./view";

const MISSING = "no image of yours is loaded in this page: drop one or choose a file";
const MISSING_SHORT = "no image loaded";
/** The drill's energy split: 99% kept, 1% dropped, as the spectrum (√0.99, √0.01). */
const DRILL_SPECTRUM = [Math.sqrt(0.99), Math.sqrt(0.01)];
const DRILL_K = 10;

export default defineScene({
  meta,
  params,
  presets,
  drills: [
    {
      id: "eckart-young",
      title: "Eckart–Young · error from energy",
      question:
        "A rank-k approximation keeps 99% of the energy Σσᵢ². What is its relative error ‖A − A_k‖_F / ‖A‖_F?",
      fields: [
        { label: "relative error", value: () => relativeError(DRILL_SPECTRUM, 1), tol: 0.005 },
      ],
      answer: () =>
        `‖A − A_k‖²_F = Σᵢ>ₖ σᵢ² (the dropped energy), so the relative error is √(1 − 0.99) = ${f(relativeError(DRILL_SPECTRUM, 1), 4)}, not 1%. Watch the two curves of the energy panel: error² + energy kept = 1 at every k`,
    },
    {
      id: "storage",
      title: "Storage of a rank-k image",
      question: `How many numbers store the rank-${DRILL_K} approximation of a ${BUNDLED_SIZE}×${BUNDLED_SIZE} image (k columns of U and V, k singular values)?`,
      fields: [
        {
          label: "numbers",
          value: () =>
            compressionRatio(BUNDLED_SIZE, BUNDLED_SIZE, DRILL_K) * BUNDLED_SIZE * BUNDLED_SIZE,
          tol: 0.5,
        },
      ],
      answer: () =>
        `k(m + n + 1) = ${DRILL_K}·(${BUNDLED_SIZE} + ${BUNDLED_SIZE} + 1), a fraction ${f(compressionRatio(BUNDLED_SIZE, BUNDLED_SIZE, DRILL_K), 4)} of the ${f(BUNDLED_SIZE * BUNDLED_SIZE)} pixels`,
      preset: "landscape",
    },
  ],
  model: (p) => lowRankModel(p),
  readouts(m: LowRankModel): Readout[] {
    const ok = m.status === "ok";
    return [
      {
        name: "k",
        label: "k",
        value: ok ? m.k : null,
        text: ok && m.kAsked > m.k ? `${m.k} (the rank; ${m.kAsked} asked)` : undefined,
        why: MISSING,
      },
      {
        name: "energy-kept",
        label: "energy kept",
        value: ok ? m.energy : null,
        text: ok ? `${f(m.energy, 4)} (${f(m.energy * 100, 4)}%)` : undefined,
        why: MISSING_SHORT,
      },
      {
        name: "relative-error",
        label: "‖A − A_k‖_F / ‖A‖_F",
        value: ok ? m.relError : null,
        why: MISSING_SHORT,
      },
      {
        name: "compression-ratio",
        label: "storage k(m+n+1)/(mn)",
        value: ok ? m.compression : null,
        text: ok ? `${f(m.compression, 4)} (${f(m.storage)} of ${f(m.full)})` : undefined,
        why: MISSING_SHORT,
      },
    ];
  },
  formulas(m) {
    if (m.status !== "ok") return ["A_k = \\sum_{i=1}^{k} \\sigma_i u_i v_i^\\top"];
    const dropped = m.relError ** 2;
    return [
      `A_k = \\sum_{i=1}^{k} \\sigma_i u_i v_i^\\top, \\quad k = ${m.k},\\ \\operatorname{rank} A = ${m.rank}`,
      `\\text{kept } \\tfrac{\\sum_{i \\le k} \\sigma_i^2}{\\sum_i \\sigma_i^2} = ${t(energyKept(m.s, m.k))}, \\quad \\tfrac{\\|A - A_k\\|_F}{\\|A\\|_F} = \\sqrt{${t(dropped)}} = ${t(m.relError)}`,
      `\\frac{k(m + n + 1)}{mn} = \\frac{${m.k}\\cdot(${m.m} + ${m.n} + 1)}{${m.m}\\cdot ${m.n}} = ${t(m.compression)}`,
    ];
  },
  describe(m, p) {
    if (m.status !== "ok")
      return "No image of yours is loaded: drop one on the picture or choose a file.";
    const what = p.image === "yours" ? "your image" : `the ${p.image} image`;
    return `Keeping k = ${m.k} of ${m.rank} singular values of ${what} (${m.m}×${m.n}) keeps ${f(m.energy * 100, 3)}% of the energy, relative error ${f(m.relError, 3)}, in ${f(m.compression * 100, 3)}% of the storage.`;
  },
  mount: mountLowRank,
});
