// Linearity of expectation and the variance of sums: S = X₁ + … + Xₙ of coins or dice, simulated
// against theory, with a dependence ρ that couples the summands. Notice E[S] = n·E[X₁] whatever ρ
// is, while Var(S) leaves n·Var(X₁) as soon as the covariances are not 0. SCENES.md: `expectation`.
import { sumOfBernoulli, type SumParams } from "../../src/core/probability";
import { formatNumber as f, texNumber as t } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import { defaultsOf } from "../../src/kit/schema";
import meta from "./meta";
import { expectationModel, params, presets, sumParamsOf, type ExpectationModel } from "./model";
import { mountExpectation } from "./view";

/** The theory of a preset's sum, for the drills. */
function presetTheory(name: string) {
  return sumOfBernoulli(sumParamsOf({ ...defaultsOf(params), ...presets[name] }));
}

function summandTex(s: SumParams): string {
  return s.mode === "dice"
    ? `X_i \\sim \\text{fair die},\\ n = ${s.n}`
    : `X_i \\sim \\text{Bernoulli}(p),\\ n = ${s.n},\\ p = ${t(s.p)}`;
}

function couplingTex(s: SumParams): string {
  const r = s.dependence;
  if (r === 0) return `\\rho = 0: \\ \\operatorname{Cov}(X_i, X_j) = 0`;
  if (r > 0) return `\\rho = ${t(r)}: \\ X_1 = \\cdots = X_n \\text{ w.p. } \\rho`;
  return `\\rho = ${t(r)}: \\ \\text{pairs antithetic w.p. } |\\rho|`;
}

export default defineScene({
  meta,
  params,
  presets,
  drills: [
    {
      id: "d2-coin-10",
      title: "D2 · Linearity of expectation",
      question:
        "Flip a fair coin 10 times and let X be the number of heads. Compute E[X] and Var(X).",
      fields: [
        { label: "E[X]", value: () => presetTheory("coin-10").mean, tol: 0.01 },
        { label: "Var(X)", value: () => presetTheory("coin-10").variance, tol: 0.01 },
      ],
      answer: () => {
        const th = presetTheory("coin-10");
        return `X = X₁ + … + X₁₀ with Xᵢ ~ Bernoulli(½): E[X] = 10 · ${f(th.summandMean)} = ${f(th.mean)}. The flips are independent, so every covariance is 0 and the variances add: Var(X) = 10 · ${f(th.summandVariance)} = ${f(th.variance)}.`;
      },
      preset: "coin-10",
    },
    {
      id: "copies",
      title: "Dependent copies",
      question:
        "Now the ten coins are copies of a single fair flip (ρ = 1). What are E[S] and Var(S)?",
      fields: [
        { label: "E[S]", value: () => presetTheory("copies").mean, tol: 0.01 },
        { label: "Var(S)", value: () => presetTheory("copies").variance, tol: 0.01 },
      ],
      answer: () => {
        const th = presetTheory("copies");
        return `S = 10·X₁, so E[S] = ${f(th.mean)}: linearity does not need independence. But Var(S) = 10²·Var(X₁) = ${f(th.variance)}, not ${f(th.varianceIfIndependent)}: each of the ${f(th.dependentPairs)} pairs adds 2·Cov = 2·${f(th.pairCovariance)}.`;
      },
      preset: "copies",
    },
    {
      id: "antithetic",
      title: "Cancelling pairs",
      question:
        "Pair the coins so each pair is (X, 1 − X) (ρ = −1). What is Var(S) for ten fair coins?",
      fields: [{ label: "Var(S)", value: () => presetTheory("antithetic").variance, tol: 0.01 }],
      answer: () => {
        const th = presetTheory("antithetic");
        return `Every pair sums to exactly 1, so S = 5 always: Var(S) = ${f(th.variance)}, while E[S] = ${f(th.mean)} is unchanged. Negative covariances (${f(th.pairCovariance)} per pair) cancel the variance.`;
      },
      preset: "antithetic",
    },
    {
      id: "two-dice",
      title: "Two dice",
      question: "Roll two fair dice. What are the mean and the variance of their sum?",
      fields: [
        { label: "E[S]", value: () => presetTheory("two-dice").mean, tol: 0.01 },
        { label: "Var(S)", value: () => presetTheory("two-dice").variance, tol: 0.01 },
      ],
      answer: () => {
        const th = presetTheory("two-dice");
        return `One die has mean ${f(th.summandMean)} and variance ${f(th.summandVariance)}; independent dice add both: E[S] = ${f(th.mean)}, Var(S) = ${f(th.variance)}.`;
      },
      preset: "two-dice",
    },
  ],
  model: (p, env) => expectationModel(p, env),
  readouts(m) {
    const mo = m.moments;
    return [
      { name: "mean", label: "E[S]", value: m.theory.mean },
      { name: "variance", label: "Var(S)", value: m.theory.variance },
      {
        name: "sample-mean",
        label: "mean of the sums",
        value: mo.mean,
        why: mo.reason ?? undefined,
      },
      {
        name: "sample-variance",
        label: "variance of the sums",
        value: mo.variance,
        why: mo.reason ?? undefined,
      },
    ];
  },
  formulas(m: ExpectationModel) {
    const th = m.theory;
    const s = m.sum;
    const mo = m.moments;
    const covTerm =
      th.dependentPairs === 0
        ? "0"
        : `2 \\cdot ${t(th.dependentPairs)} \\cdot ${th.pairCovariance < 0 ? `(${t(th.pairCovariance)})` : t(th.pairCovariance)}`;
    return [
      `S = X_1 + \\cdots + X_n`,
      summandTex(s),
      `\\mathbb E[S] = \\textstyle\\sum_i \\mathbb E[X_i] = ${s.n} \\cdot ${t(th.summandMean)} = ${t(th.mean)}`,
      `\\operatorname{Var}(S) = n \\operatorname{Var}(X_1) + 2\\textstyle\\sum_{i<j} \\operatorname{Cov}(X_i, X_j)`,
      `\\phantom{\\operatorname{Var}(S)} = ${t(th.varianceIfIndependent)} + ${covTerm} = ${t(th.variance)}`,
      couplingTex(s),
      `${t(m.trialsUsed)} \\text{ sums: } \\bar S = ${mo.mean === null ? "\\text{—}" : t(mo.mean)}, \\ s^2 = ${mo.variance === null ? "\\text{—}" : t(mo.variance)}`,
    ];
  },
  describe(m) {
    const th = m.theory;
    const mo = m.moments;
    return `Sum of ${m.name} with dependence ρ = ${f(m.sum.dependence)}: E[S] = ${f(th.mean)} (always n times the mean of one), Var(S) = ${f(th.variance)} against ${f(th.varianceIfIndependent)} if they were independent; ${f(m.trialsUsed)} simulated sums have mean ${mo.mean === null ? "undefined" : f(mo.mean)} and variance ${mo.variance === null ? "undefined" : f(mo.variance)}.`;
  },
  mount: mountExpectation,
});
