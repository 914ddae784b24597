// Disease screening with Bayes' rule: a population of N people split by disease and test result,
// the same counts as a tree and as bars, and the posterior P(D|+). Notice that with a low base rate
// most positives are healthy people, and that a second positive test turns the posterior into the
// new prior. SCENES.md: `bayes`.
import { bayesPosterior, retest, screeningCounts } from "../../src/core/probability";
import { formatNumber as f, texNumber as t, type Readout } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import { bayesModel, params, pct, presets, type BayesModel } from "./model";
import { mountBayes } from "./view";

const WE = presets["worked-example"];
const WE_RATES = {
  prevalence: WE.prevalence,
  sensitivity: WE.sensitivity,
  specificity: WE.specificity,
};

function percentReadout(
  name: string,
  label: string,
  v: number | null,
  why?: string | null,
): Readout {
  return { name, label, value: v, text: v === null ? undefined : pct(v), why: why ?? undefined };
}

/** The worked-example drill's numbers, from the core. */
function workedPosterior(): number {
  const b = bayesPosterior(WE_RATES);
  if (b.posterior === null) throw new RangeError("the worked example's test is never positive");
  return b.posterior;
}

export default defineScene({
  meta,
  params,
  presets,
  drills: [
    {
      id: "worked-example",
      title: "Worked example · P(D|+)",
      question: `Prevalence ${f(WE.prevalence * 100)} %, sensitivity ${f(WE.sensitivity * 100)} %, specificity ${f(WE.specificity * 100)} %. A patient tests positive. What is P(D|+)? Answer as a probability (e.g. 0.5).`,
      fields: [{ label: "P(D|+)", value: workedPosterior, tol: 0.0015 }],
      answer: () => {
        const b = bayesPosterior(WE_RATES);
        return `P(+) = ${f(WE.sensitivity)}·${f(WE.prevalence)} + ${f(1 - WE.specificity)}·${f(1 - WE.prevalence)} = ${f(b.pPositive)}, so P(D|+) = ${f(WE.sensitivity)}·${f(WE.prevalence)} / ${f(b.pPositive)} ≈ ${pct(workedPosterior())}. The sick are so rare that the 10 % of healthy people who test positive outnumber them about ten to one.`;
      },
      preset: "worked-example",
    },
    {
      id: "natural-frequencies",
      title: "Count it · 10 000 people",
      question: `Same test, ${f(WE.population)} people. How many test positive, and how many of those are sick?`,
      fields: [
        {
          label: "positives",
          value: () => {
            const c = screeningCounts(WE.population, WE_RATES);
            return c.truePositives + c.falsePositives;
          },
          tol: 0.5,
        },
        {
          label: "sick positives",
          value: () => screeningCounts(WE.population, WE_RATES).truePositives,
          tol: 0.5,
        },
      ],
      answer: () => {
        const c = screeningCounts(WE.population, WE_RATES);
        return `${f(c.truePositives + c.falseNegatives)} are sick and ${f(c.truePositives)} of them test positive; ${f(c.falsePositives + c.trueNegatives)} are healthy and ${f(c.falsePositives)} of them test positive anyway. Of ${f(c.truePositives + c.falsePositives)} positives only ${f(c.truePositives)} are sick: the same ${pct(workedPosterior())} as Bayes' rule.`;
      },
      preset: "worked-example",
    },
    {
      id: "retest",
      title: "Test again · P(D|+,+)",
      question:
        "Everyone who tested positive takes a second, independent test with the same sensitivity and specificity. What is P(D) for someone positive twice?",
      fields: [
        {
          label: "P(D|+,+)",
          value: () => {
            const r = retest(WE_RATES);
            if (r.posterior === null) throw new RangeError(r.reason ?? "undefined");
            return r.posterior;
          },
          tol: 0.003,
        },
      ],
      answer: () => {
        const r = retest(WE_RATES);
        return `The first posterior ${pct(r.firstPosterior ?? 0)} is the new prior: P(D|+,+) = ${f(WE.sensitivity)}·${f(r.firstPosterior ?? 0, 4)} / (${f(WE.sensitivity)}·${f(r.firstPosterior ?? 0, 4)} + ${f(1 - WE.specificity)}·${f(1 - (r.firstPosterior ?? 0), 4)}) ≈ ${pct(r.posterior ?? 0)}. Each positive test multiplies the odds of disease by sensitivity/(1 − specificity).`;
      },
      preset: "retest",
    },
  ],
  model: (p) => bayesModel(p),
  readouts(m: BayesModel) {
    const b = m.bayes;
    return [
      percentReadout("p-positive", "P(+)", b.pPositive),
      percentReadout("posterior", "P(D|+)", b.posterior, b.posteriorReason),
      percentReadout("npv", "P(¬D|−)", b.npv, b.npvReason),
      { name: "true-positives", label: "true positives", value: m.counts.truePositives },
      { name: "false-positives", label: "false positives", value: m.counts.falsePositives },
      percentReadout("posterior-2", "P(D|+,+)", m.twice.posterior, m.twice.reason),
    ];
  },
  formulas(m, p) {
    const b = m.bayes;
    // Probabilities near 1 keep enough digits to differ from 1 (0.99999, not "1").
    const q = (v: number) =>
      t(v, v > 0.999 && v < 1 ? Math.min(12, 3 + Math.ceil(-Math.log10(1 - v))) : 4);
    const prev = q(p.prevalence);
    const sens = q(p.sensitivity);
    const fpr = q(1 - p.specificity);
    const twoLines = (lhs: string, general: string, numbers: string) =>
      `\\begin{aligned} ${lhs} &= ${general} \\\\ &= ${numbers} \\end{aligned}`;
    const out = [
      twoLines(
        "P(+)",
        "P(+\\mid D)\\,P(D) + P(+\\mid \\neg D)\\,P(\\neg D)",
        `${sens}\\cdot${prev} + ${fpr}\\cdot${q(1 - p.prevalence)} = ${q(b.pPositive)}`,
      ),
      twoLines(
        "P(D\\mid +)",
        "\\frac{P(+\\mid D)\\,P(D)}{P(+)}",
        b.posterior === null
          ? "\\frac{0}{0}\\ \\text{undefined: never positive}"
          : `\\frac{${sens}\\cdot${prev}}{${q(b.pPositive)}} = ${q(b.posterior)}`,
      ),
      twoLines(
        "P(\\neg D\\mid -)",
        "\\frac{P(-\\mid \\neg D)\\,P(\\neg D)}{P(-)}",
        b.npv === null
          ? "\\frac{0}{0}\\ \\text{undefined: never negative}"
          : `\\frac{${q(p.specificity)}\\cdot${q(1 - p.prevalence)}}{${q(b.pNegative)}} = ${q(b.npv)}`,
      ),
    ];
    const r = m.twice;
    if (p.retest && r.posterior !== null && r.firstPosterior !== null)
      out.push(
        `\\pi = P(D\\mid +) = ${q(r.firstPosterior)}\\ \\text{is the new prior}`,
        twoLines(
          "P(D\\mid +,+)",
          "\\frac{P(+\\mid D)\\,\\pi}{P(+\\mid D)\\,\\pi + P(+\\mid \\neg D)\\,(1-\\pi)}",
          `\\frac{${sens}\\cdot${q(r.firstPosterior)}}{${sens}\\cdot${q(r.firstPosterior)} + ${fpr}\\cdot${q(1 - r.firstPosterior)}} = ${q(r.posterior)}`,
        ),
      );
    return out;
  },
  describe(m, p) {
    const b = m.bayes;
    const rates = `Prevalence ${pct(p.prevalence)}, sensitivity ${pct(p.sensitivity)}, specificity ${pct(p.specificity)}`;
    if (b.posterior === null)
      return `${rates}: nobody tests positive, so P(D|+) is undefined (${b.posteriorReason}).`;
    const again =
      p.retest && m.twice.posterior !== null
        ? ` After a second positive test, ${f(m.second.sickAgain)} of ${f(m.second.positiveTwice)} are sick: P(D|+,+) = ${pct(m.twice.posterior)}.`
        : "";
    return `${rates}: of ${f(p.population)} people, ${f(m.positives)} test positive and ${f(m.counts.truePositives)} of them are sick, so P(D|+) = ${pct(b.posterior)}.${again}`;
  },
  mount: mountBayes,
});
