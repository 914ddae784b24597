// Bernoulli, Binomial, Gaussian and Poisson: the pmf or pdf with its mean and ±σ, and a histogram
// of seeded samples that play draws at an adjustable speed. Notice the histogram settling onto the
// theory and x̄, s² closing in on E[X], Var(X) like σ/√m. SCENES.md: `distributions`.
import {
  bernoulli,
  binomial,
  mean,
  poisson,
  variance,
  type Distribution,
} from "../../src/core/probability";
import { formatNumber as f, texNumber as t } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import {
  distributionsModel,
  params,
  sampleSentence,
  presets,
  type DistributionsModel,
} from "./model";
import { mountDistributions } from "./view";

const COIN = binomial(presets["coin-10"].n ?? 10, presets["coin-10"].p ?? 0.5);
const POISSON = poisson(presets["poisson-4"].lambda ?? 4);

/** The p in [0, 1] (on a 0.001 grid) where Bernoulli(p) has the largest variance, by scanning. */
function mostVariableP(): number {
  let best = 0;
  for (let i = 0; i <= 1000; i++) {
    if (variance(bernoulli(i / 1000)) > variance(bernoulli(best))) best = i / 1000;
  }
  return best;
}

function theoryTex(d: Distribution, m: DistributionsModel): string[] {
  const E = t(m.mean);
  const V = t(m.variance);
  // One statement per line: the side panel is narrow, and a formula wider than it would scroll.
  switch (d.dist) {
    case "bernoulli":
      return [
        `P(X{=}1) = p = ${t(d.p)}, \\quad P(X{=}0) = 1-p = ${t(1 - d.p)}`,
        `\\mathbb E[X] = p = ${E}`,
        `\\operatorname{Var}(X) = p(1-p) = ${V}`,
      ];
    case "binomial":
      return [
        `P(X{=}k) = \\tbinom{n}{k}\\, p^k (1-p)^{n-k}`,
        `n = ${t(d.n, 7)}, \\quad p = ${t(d.p)}`,
        `\\mathbb E[X] = np = ${E}`,
        `\\operatorname{Var}(X) = np(1-p) = ${V}`,
      ];
    case "gaussian":
      return [
        d.sigma > 0
          ? `p(x) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}}\\, e^{-(x-\\mu)^2/(2\\sigma^2)}`
          : `\\sigma = 0: \\ X = \\mu \\text{ always, no density}`,
        `\\mu = ${t(d.mu)}, \\quad \\sigma = ${t(d.sigma)}`,
        `\\mathbb E[X] = \\mu = ${E}`,
        `\\operatorname{Var}(X) = \\sigma^2 = ${V}`,
      ];
    case "poisson":
      return [
        `P(X{=}k) = e^{-\\lambda}\\,\\lambda^k / k!, \\quad \\lambda = ${t(d.lambda)}`,
        `\\mathbb E[X] = \\operatorname{Var}(X) = \\lambda = ${E}`,
      ];
  }
}

export default defineScene({
  meta,
  params,
  presets,
  animated: true,
  drills: [
    {
      id: "d2-coin-10",
      title: "D2 · Linearity of expectation",
      question:
        "Flip a fair coin 10 times and let X be the number of heads. Compute E[X] and Var(X).",
      fields: [
        { label: "E[X]", value: () => mean(COIN), tol: 0.01 },
        { label: "Var(X)", value: () => variance(COIN), tol: 0.01 },
      ],
      answer: () =>
        `X = X₁ + … + X₁₀ with Xᵢ ~ Bernoulli(½). Expectations always add: E[X] = 10·½ = ${f(mean(COIN))}. The flips are independent, so variances add too: Var(X) = 10·½·½ = ${f(variance(COIN))}. Play the preset and watch x̄ and s² settle there.`,
      preset: "coin-10",
    },
    {
      id: "poisson-mean-variance",
      title: "Poisson: mean and variance",
      question: `Counts follow Poisson(λ = ${f(POISSON.lambda)}). What are E[X] and Var(X)?`,
      fields: [
        { label: "E[X]", value: () => mean(POISSON), tol: 0.01 },
        { label: "Var(X)", value: () => variance(POISSON), tol: 0.01 },
      ],
      answer: () =>
        `Both equal λ = ${f(mean(POISSON))}: a Poisson count's spread grows with its mean, so its standard deviation is √λ = ${f(Math.sqrt(variance(POISSON)))}.`,
      preset: "poisson-4",
    },
    {
      id: "bernoulli-max-variance",
      title: "The most uncertain coin",
      question:
        "For which p is the variance p(1 − p) of a Bernoulli(p) largest, and what is that variance?",
      fields: [
        { label: "p", value: mostVariableP, tol: 0.005 },
        { label: "Var(X)", value: () => variance(bernoulli(mostVariableP())), tol: 0.005 },
      ],
      answer: () =>
        `p(1 − p) is a parabola with its top at p = ${f(mostVariableP())}, where it is ${f(variance(bernoulli(mostVariableP())))}. At p = 0 or 1 the coin always lands the same way and the variance is 0.`,
      preset: "bernoulli",
    },
  ],
  model: (p, env) => distributionsModel(p, env),
  readouts(m) {
    const mo = m.moments;
    return [
      { name: "mean", label: "E[X]", value: m.mean },
      { name: "variance", label: "Var(X)", value: m.variance },
      {
        name: "sample-mean",
        label: "x̄ (sample mean)",
        value: mo.mean,
        why: mo.reason ?? undefined,
      },
      {
        name: "sample-variance",
        label: "s² (sample variance)",
        value: mo.variance,
        why: mo.reason ?? undefined,
      },
      { name: "samples", label: "samples m", value: m.samples },
    ];
  },
  // The sample numbers are left out of the formulas on purpose: they change on every frame of
  // play, and retypesetting KaTeX 60 times a second costs more than the rest of the frame. They
  // are in the readouts, the banner and the strip over the chart.
  formulas(m: DistributionsModel) {
    return [
      ...theoryTex(m.d, m),
      `\\bar x = \\tfrac{1}{m}\\textstyle\\sum_i x_i \\;\\to\\; \\mathbb E[X]`,
      `s^2 = \\tfrac{1}{m-1}\\textstyle\\sum_i (x_i - \\bar x)^2 \\;\\to\\; \\operatorname{Var}(X)`,
      `|\\bar x - \\mathbb E[X]| \\approx \\sigma/\\sqrt{m}, \\quad \\sigma = ${t(m.sd)}`,
    ];
  },
  describe(m) {
    return `${m.name} has mean ${f(m.mean)} and variance ${f(m.variance)}; ${sampleSentence(m)}.`;
  },
  mount: mountDistributions,
});
