// Hoeffding intervals: the running mean of n Bernoulli(p) samples stays inside the funnel
// p ± √(ln(2/δ)/(2n)); notice that quadrupling n halves the width, that the bound is loose next to
// the exact tail and the CLT, and that a rigged test set escapes it. SCENES.md: `hoeffding`.
import {
  biasedSample,
  binomialTwoSidedTail,
  cltHalfWidth,
  cltTwoSidedTail,
  hoeffdingBound,
  hoeffdingHalfWidth,
  hoeffdingInterval,
} from "../../src/core/concentration";
import { formatNumber as f, texNumber as tx } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import {
  CTR_N,
  countText,
  hoeffdingModel,
  lookupCoverage,
  params,
  presets,
  type HoeffdingModel,
} from "./model";
import { mountHoeffding } from "./view";

const WE = presets["worked-example"];
const CP = presets.checkpoint;
const BI = presets.biased;
const CF = presets["clt-fails"];
const CTR = presets["ctr-sample-size"];

const percent = (delta: number) => `${f(100 * (1 - delta), 4)}%`;

/** The coverage readout's words: the simulated rate, or why it is not there yet. */
function empiricalText(m: HoeffdingModel): string | undefined {
  const r = lookupCoverage(m);
  return r ? `${f(r.empirical, 3)} (${f(r.violations)} of ${f(r.trials)})` : undefined;
}

export default defineScene({
  meta,
  params,
  presets,
  animated: true,
  drills: [
    {
      id: "d1-quadruple",
      title: "D1 · Quadruple n",
      question: `Quadruple n (say from ${f(WE.n)} to ${f(4 * WE.n)}). By what factor does the half-width t shrink?`,
      fields: [
        {
          label: "t(4n) / t(n)",
          value: () => hoeffdingHalfWidth(4 * WE.n, WE.delta) / hoeffdingHalfWidth(WE.n, WE.delta),
          tol: 0.005,
        },
      ],
      answer: () =>
        `t ∝ 1/√n, so t(4n)/t(n) = 1/√4. At δ = ${f(WE.delta)}: t(${f(WE.n)}) = ${f(hoeffdingHalfWidth(WE.n, WE.delta))} and t(${f(4 * WE.n)}) = ${f(hoeffdingHalfWidth(4 * WE.n, WE.delta))} — the two markers on the funnel.`,
      preset: "worked-example",
    },
    {
      id: "d3-ctr-sample-size",
      title: "D3 (§2) · Hoeffding sample size",
      question: `You estimate a click-through rate and want |p̂ − p| < ${f(CTR.t)} with probability ≥ ${f(1 - CTR.delta)}. How many samples does Hoeffding ask for?`,
      fields: [{ label: "n", value: () => CTR_N, tol: 0.5 }],
      answer: () =>
        `Solve 2e^(−2n·${f(CTR.t)}²) ≤ ${f(CTR.delta)}: n ≥ ln(2/${f(CTR.delta)})/(2·${f(CTR.t)}²), rounded up to the next whole sample (the bound there is ${f(hoeffdingBound(CTR_N, CTR.t), 5)}). It holds whatever p is; the CLT's estimate depends on p and is smaller.`,
      preset: "ctr-sample-size",
    },
    {
      id: "checkpoint-interval",
      title: "Checkpoint · a 95% interval",
      question: `A held-out accuracy of ${f(CP.acc)} on ${f(CP.n)} samples: give the ${percent(CP.delta)} Hoeffding confidence interval.`,
      fields: [
        { label: "low", value: () => hoeffdingInterval(CP.acc, CP.n, CP.delta).low, tol: 0.001 },
        { label: "high", value: () => hoeffdingInterval(CP.acc, CP.n, CP.delta).high, tol: 0.001 },
      ],
      answer: () =>
        `t = √(ln(2/${f(CP.delta)})/(2·${f(CP.n)})) = ${f(hoeffdingHalfWidth(CP.n, CP.delta))}, so the interval is ${f(CP.acc)} ± t. It covers the true accuracy with probability at least ${f(1 - CP.delta)}, whatever the model.`,
      preset: "checkpoint",
    },
    {
      id: "d2-independence",
      title: "D2 · Why “independent” matters",
      question:
        "If your test set is built by oversampling each correct prediction, why does Hoeffding fail? Predict, then turn on “biased test set”.",
      answer: () => {
        const b = biasedSample({
          n: BI.n,
          accuracy: BI.p,
          oversample: BI.oversample,
          seed: params.seed.default,
          delta: BI.delta,
        });
        return `Hoeffding needs independent samples from the real distribution. Copies are not independent, and the rigged set over-represents correct predictions, so its accuracy concentrates at a(1 + o)/(1 + a·o) = ${f(b.limitAccuracy)}, not at a = ${f(BI.p)}. With n = ${f(BI.n)} it reads ${f(b.observedAccuracy)} and the interval [${f(b.interval.low)}, ${f(b.interval.high)}] ${b.covers ? "happens to cover" : "misses"} the true ${f(BI.p)} — and more data only makes it miss more surely.`;
      },
      preset: "biased",
    },
    {
      id: "d3-hoeffding-vs-clt",
      title: "D3 (§5) · Hoeffding vs the CLT",
      question:
        "One sentence: how does Hoeffding differ from the central limit theorem in what it guarantees?",
      answer: () => {
        const exact = binomialTwoSidedTail(CF.n, CF.p, CF.t);
        const clt = cltTwoSidedTail(CF.n, CF.p, CF.t);
        const ratio = hoeffdingHalfWidth(WE.n, WE.delta) / cltHalfWidth(WE.acc, WE.n, WE.delta);
        return `The CLT is asymptotic: for large n the mean is approximately normal, with no guarantee at any particular n. Hoeffding is a finite-sample, distribution-free upper bound with explicit constants, valid for every n. At n = ${f(CF.n)}, p = ${f(CF.p)}, t = ${f(CF.t)} the CLT predicts P(|X̄ − p| ≥ t) ≈ ${f(clt, 3)} but the exact tail is ${f(exact, 3)}: the approximation is too optimistic, the bound never is. The price of the guarantee: at acc ${f(WE.acc)} Hoeffding's interval is ${f(ratio, 3)}× wider than the CLT's.`;
      },
      preset: "clt-fails",
    },
  ],
  model: (p) => hoeffdingModel(p),
  readouts(m) {
    const r = lookupCoverage(m);
    const iv = m.interval;
    const clip = (c: boolean) => (c ? " (clipped)" : "");
    const rigged = m.biased ? " (rigged)" : "";
    return [
      { name: "half-width", label: "half-width t(n)", value: m.halfWidth },
      {
        name: "interval-low",
        label: "interval low",
        value: iv.low,
        text: `${f(iv.low)}${clip(iv.lowClipped)}${rigged}`,
      },
      {
        name: "interval-high",
        label: "interval high",
        value: iv.high,
        text: `${f(iv.high)}${clip(iv.highClipped)}${rigged}`,
      },
      { name: "n-required", label: "n for ±t", value: m.nRequired, text: countText(m.nRequired) },
      {
        name: "bound",
        label: "bound 2e^(−2nt²)",
        value: m.coverage.bound,
        text:
          m.coverage.boundRaw > 1
            ? `1 (raw ${f(m.coverage.boundRaw, 3)} > 1: says nothing)`
            : undefined,
      },
      {
        name: "empirical-violation",
        label: "empirical P(|X̄ − p| ≥ t)",
        value: r ? r.empirical : null,
        text: empiricalText(m) ?? "simulating…",
        why: `${f(m.coverage.trials)} trials, spread across frames in the coverage panel`,
      },
      { name: "clt-half-width", label: "CLT half-width", value: m.cltHalfWidth },
    ];
  },
  formulas(m, p) {
    const c = m.coverage;
    // Kept lean: KaTeX re-typesets every formula whose numbers change, on every slider step.
    return [
      `t = \\sqrt{\\ln(2/\\delta)/(2n)} = \\sqrt{\\ln(2/${tx(m.delta)})/(2\\cdot ${tx(m.n)})} = ${tx(m.halfWidth)}`,
      `${m.biased ? "\\widehat{\\mathrm{acc}}" : "\\mathrm{acc}"} \\pm t = ${tx(m.accUsed)} \\pm ${tx(m.halfWidth)} = [${tx(m.interval.low)}, ${tx(m.interval.high)}]`,
      `P(|\\bar X - \\mu| \\ge ${tx(c.t)}) \\le 2e^{-2\\cdot ${tx(c.n)}\\cdot ${tx(c.t)}^2} = ${tx(c.boundRaw, 3)}${c.boundRaw > 1 ? " > 1" : ""}`,
      `n \\ge \\frac{\\ln(2/${tx(m.delta)})}{2\\cdot ${tx(p.t)}^2} \\;\\Rightarrow\\; n = ${countText(m.nRequired).replace(/\u2009/g, "\\,")}`,
      `\\mathrm{CLT}\\!: z\\sqrt{a(1-a)/n} = ${tx(m.z)}\\sqrt{${tx(m.accUsed)}(1-${tx(m.accUsed)})/${tx(m.n)}} = ${tx(m.cltHalfWidth)}`,
    ];
  },
  describe(m, p) {
    const r = lookupCoverage(m);
    const where = m.path.insideAtN ? "inside" : "outside";
    const sim = r
      ? `${f(r.violations)} of ${f(r.trials)} repeats (${f(r.empirical, 3)}) deviated by ${f(p.t)} or more (bound ${f(m.coverage.bound, 3)}, exact ${f(m.coverage.exact, 3)})`
      : `the coverage simulation is running`;
    const rig = m.biased
      ? `; the rigged test set reads ${f(m.accUsed, 3)} and its interval ${m.biased.covers ? "still covers" : "misses"} p = ${f(m.p)}`
      : "";
    return `After ${f(m.n)} samples of Bernoulli(${f(m.p)}) the mean ${f(m.path.meanAtN, 4)} is ${where} the funnel ±${f(m.halfWidth, 3)} (δ = ${f(m.delta)}); the interval is [${f(m.interval.low, 3)}, ${f(m.interval.high, 3)}], ${countText(m.nRequired)} samples give ±${f(p.t)}, and ${sim}${rig}.`;
  },
  mount: mountHoeffding,
});
