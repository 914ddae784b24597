// Maximum likelihood: the log-likelihood of seeded data as a curve over the parameter, a candidate
// to drag along it with its tangent, and the maximiser where the slope is zero (p̂ = x̄; σ̂² =
// (1/n)Σ(xᵢ − μ)²). Notice that the maximum sits at the sample statistic, that −ℓ/n is the
// cross-entropy (Bernoulli) and −ℓ a sum of squares (Gaussian), and that the 1/n variance
// estimator with μ estimated is biased low by (n − 1)/n. SCENES.md: `mle`.
import { varianceEstimatorBias } from "../../src/core/probability";
import { makeSource } from "../../src/core/random";
import { formatNumber as f, texNumber as t, type Readout } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import {
  D1,
  D5,
  d5Mle,
  d5SumSquares,
  headsOf,
  lookupStudy,
  mleModel,
  params,
  presets,
  type MleModel,
  type MleParams,
} from "./model";
import { bernoulliMle } from "../../src/core/probability";
import { mountMle } from "./view";

const GAUSSIAN_ONLY = "Gaussian mode only";
const BIAS_N = 2;

function biasReadouts(m: MleModel): Readout[] {
  // A study run in chunks by the view is remembered under the model's key: read it from there.
  const s = m.kind === "gaussian" ? (m.study ?? lookupStudy(m.studyKey)) : null;
  const why = m.kind === "bernoulli" ? GAUSSIAN_ONLY : (m.studyReason ?? undefined);
  return [
    { name: "mean-biased", label: "mean of (1/n)Σ(xᵢ−x̄)²", value: s ? s.meanBiased : null, why },
    {
      name: "mean-unbiased",
      label: "mean of (1/(n−1))Σ(xᵢ−x̄)²",
      value: s ? s.meanUnbiased : null,
      why,
    },
  ];
}

export default defineScene({
  meta,
  params,
  presets,
  drills: [
    {
      id: "d1-bernoulli-mle",
      title: "D1 · Bernoulli MLE",
      question: `You flip a coin n = ${D1.n} times and see k = ${headsOf(D1.n, D1.p, D1.seed).k} heads (xᵢ = 1 for heads). Write ℓ(p) and set dℓ/dp = 0. Which p maximises the likelihood?`,
      fields: [
        { label: "p̂", value: () => bernoulliMle(headsOf(D1.n, D1.p, D1.seed).k, D1.n), tol: 0.002 },
      ],
      answer: () =>
        "ℓ(p) = k·ln p + (n − k)·ln(1 − p), so dℓ/dp = k/p − (n − k)/(1 − p) = 0 gives p̂ = k/n, the sample mean x̄. It is not the true p the coin was made with: it is the p that makes these flips most likely. “Show me” puts the candidate there: the tangent is flat.",
      preset: "d1-at-the-maximum",
    },
    {
      id: "d5-gaussian-variance",
      title: "D5 · Gaussian MLE for σ²",
      question: `n = ${D5.n} draws from 𝒩(μ, σ²) with μ = ${D5.mu} known have Σ(xᵢ − μ)² = ${f(d5SumSquares(), 6)}. Which σ² maximises the likelihood?`,
      fields: [{ label: "σ̂²", value: d5Mle, tol: 0.002 }],
      answer: () =>
        "ℓ(σ²) = −(n/2)·ln(2πσ²) − Σ(xᵢ − μ)²/(2σ²); dℓ/dσ² = −n/(2σ²) + Σ(xᵢ − μ)²/(2σ⁴) = 0 gives σ̂² = (1/n)Σ(xᵢ − μ)², the mean squared deviation from the known μ.",
      preset: "d5-at-the-maximum",
    },
    {
      id: "bias-of-1-over-n",
      title: "Why n − 1? · the bias with μ estimated",
      question: `Now μ is unknown and estimated by x̄. For n = ${BIAS_N} and σ² = 1, what is the expected value of (1/n)Σ(xᵢ − x̄)²?`,
      fields: [
        {
          label: "E[(1/n)Σ(xᵢ − x̄)²]",
          value: () =>
            varianceEstimatorBias({ n: BIAS_N, sigma: 1, reps: 1, source: makeSource(1) })
              .expectedBiased,
          tol: 0.002,
        },
      ],
      answer: () =>
        "x̄ is fitted to the same points, so the deviations from x̄ are smaller than those from the true μ: E[Σ(xᵢ − x̄)²] = (n − 1)σ². Dividing by n gives (n − 1)/n · σ², biased low; dividing by n − 1 gives σ². “Show me” runs 10 000 samples of size 2.",
      preset: "bias-n-2",
    },
  ],
  model: (p) => mleModel(p),
  // Labels are fixed (the panel keeps the first label it shows), so they name both modes.
  readouts(m: MleModel) {
    const mle = m.kind === "bernoulli" ? { value: m.mle, reason: null } : m.mle;
    return [
      { name: "mle", label: "MLE (p̂ = x̄, or σ̂²)", value: mle.value, why: mle.reason ?? undefined },
      {
        name: "log-likelihood",
        label: "ℓ at the candidate",
        value: m.logLik.value,
        why: m.logLik.reason ?? undefined,
      },
      {
        name: "slope",
        label: "slope dℓ/dθ there",
        value: m.slope.value,
        why: m.slope.reason ?? undefined,
      },
      ...biasReadouts(m),
    ];
  },
  formulas(m, p) {
    if (m.kind === "bernoulli") {
      const out = [
        `\\ell(p) = k\\ln p + (n-k)\\ln(1-p), \\quad k = ${m.k},\\ n = ${m.n}`,
        m.logLik.value === null
          ? `\\ell(${t(m.at)}) = -\\infty \\ \\text{(impossible data)}`
          : `\\ell(${t(m.at)}) = ${t(m.logLik.value)}, \\quad \\frac{d\\ell}{dp} = \\frac{k}{p} - \\frac{n-k}{1-p} = ${m.slope.value === null ? "\\text{undefined}" : t(m.slope.value)}`,
        m.k === 0 || m.k === m.n
          ? `\\hat p = \\frac{k}{n} = \\bar x = ${t(m.mle)} \\ \\text{at the edge, where } \\frac{d\\ell}{dp} = ${m.k === 0 ? "-n" : "n"} \\neq 0`
          : `\\frac{d\\ell}{dp} = 0 \\iff \\hat p = \\frac{k}{n} = \\bar x = ${t(m.mle)}`,
        m.crossEntropy.value === null
          ? `-\\tfrac{1}{n}\\ell(p) = -\\bigl[\\bar x\\ln p + (1-\\bar x)\\ln(1-p)\\bigr] = +\\infty`
          : `-\\tfrac{1}{n}\\ell(p) = \\underbrace{-\\bigl[\\bar x\\ln p + (1-\\bar x)\\ln(1-p)\\bigr]}_{\\text{cross-entropy}} = ${t(m.crossEntropy.value)}`,
      ];
      return out;
    }
    const s = m.study ?? lookupStudy(m.studyKey);
    const out = [
      `\\ell(\\sigma^2) = -\\tfrac{n}{2}\\ln(2\\pi\\sigma^2) - \\tfrac{1}{2\\sigma^2}\\textstyle\\sum_i (x_i-\\mu)^2`,
      m.logLik.value === null
        ? `\\ell(${t(m.at)}) \\ \\text{is below the floating-point range}`
        : `\\ell(${t(m.at)}) = ${t(m.logLik.value)}, \\quad \\frac{d\\ell}{d\\sigma^2} = ${m.slope.value === null ? "\\text{undefined}" : t(m.slope.value)}`,
      m.mle.value === null
        ? `\\textstyle\\sum_i (x_i-\\mu)^2 = 0: \\ \\text{no maximum}`
        : `\\hat\\sigma^2 = \\tfrac{1}{n}\\textstyle\\sum_i (x_i-\\mu)^2 = \\tfrac{${t(m.sumSquares)}}{${m.n}} = ${t(m.mle.value)}`,
      `-\\ell(\\mu) = \\text{const} + \\tfrac{1}{2\\sigma^2}\\textstyle\\sum_i (x_i-\\mu)^2 \\ \\text{(least squares)}`,
    ];
    if (s)
      out.push(
        `\\mathbb{E}\\bigl[\\tfrac{1}{n}\\textstyle\\sum(x_i-\\bar x)^2\\bigr] = \\tfrac{n-1}{n}\\sigma^2 = ${t(s.expectedBiased)};\\ \\text{measured } ${t(s.meanBiased)}`,
      );
    void p;
    return out;
  },
  describe(m: MleModel, p: MleParams) {
    if (m.kind === "bernoulli") {
      const at =
        m.logLik.value === null
          ? `at the candidate p = ${f(p.phat)}, ℓ = −∞ (${m.logLik.reason})`
          : `at the candidate p = ${f(p.phat)}, ℓ = ${f(m.logLik.value)} and dℓ/dp = ${m.slope.value === null ? "undefined" : f(m.slope.value)}`;
      return `${m.k} heads in ${m.n} flips: ℓ(p) peaks at p̂ = x̄ = ${f(m.mle)}; ${at}.`;
    }
    const peak =
      m.mle.value === null
        ? `ℓ has no maximum (${m.mle.reason})`
        : `ℓ(σ²) peaks at σ̂² = ${f(m.mle.value)}`;
    const st = m.study ?? lookupStudy(m.studyKey);
    const bias = st
      ? ` Over ${f(st.reps)} samples the 1/n estimator averages ${f(st.meanBiased)} and the 1/(n − 1) one ${f(st.meanUnbiased)}, against σ² = ${f(st.trueVariance)}.`
      : "";
    return `${m.n} draws with μ = ${f(m.mu)} known: ${peak}; at σ² = ${f(p.s2)}, dℓ/dσ² = ${m.slope.value === null ? "undefined" : f(m.slope.value)}.${bias}`;
  },
  mount: mountMle,
});
