// The pure model of bayes: Bayes' rule for a screening test (src/core bayesPosterior, retest) and
// the same numbers as natural frequencies in a population of N people (screeningCounts), split
// into the groups the grid, the tree and the bars draw. No DOM.
import {
  bayesPosterior,
  retest,
  screeningCounts,
  type BayesResult,
  type RetestResult,
  type ScreeningCounts,
  type ScreeningRates,
} from "../../src/core/probability";
import { formatNumber } from "../../src/kit/format";
import { bool, int, num, type ParamsOf } from "../../src/kit/schema";

export const params = {
  prevalence: num({
    label: "prevalence P(D)",
    min: 0.0001,
    max: 1,
    step: 0.0001,
    default: 0.01,
    log: true,
    help: "The base rate: the fraction of the population that has the disease.",
  }),
  sensitivity: num({
    label: "sensitivity P(+|D)",
    min: 0,
    max: 1,
    step: 0.001,
    default: 0.95,
    help: "The chance that a sick person tests positive.",
  }),
  specificity: num({
    label: "specificity P(−|¬D)",
    min: 0,
    max: 1,
    step: 0.001,
    default: 0.9,
    help: "The chance that a healthy person tests negative.",
  }),
  population: int({
    label: "population N",
    min: 100,
    max: 100_000,
    default: 10_000,
    log: true,
    help: "How many people the grid and the tree count.",
  }),
  retest: bool({
    label: "retest the positives",
    default: false,
    help: "Everyone who tested positive takes a second, independent test: the first posterior becomes the prior.",
  }),
};

export const presets = {
  "worked-example": {
    prevalence: 0.01,
    sensitivity: 0.95,
    specificity: 0.9,
    population: 10_000,
    retest: false,
  },
  retest: {
    prevalence: 0.01,
    sensitivity: 0.95,
    specificity: 0.9,
    population: 10_000,
    retest: true,
  },
  "rare-disease": {
    prevalence: 0.001,
    sensitivity: 0.99,
    specificity: 0.99,
    population: 100_000,
    retest: false,
  },
  "common-disease": {
    prevalence: 0.3,
    sensitivity: 0.95,
    specificity: 0.9,
    population: 1000,
    retest: false,
  },
  "hundred-people": {
    prevalence: 0.05,
    sensitivity: 0.8,
    specificity: 0.9,
    population: 100,
    retest: false,
  },
  "never-positive": {
    prevalence: 0.01,
    sensitivity: 0,
    specificity: 1,
    population: 10_000,
    retest: false,
  },
};

export type BayesParams = ParamsOf<typeof params>;

/** The cells of the population grid, in drawing order; `key` says what a cell is. */
export type GroupKey =
  | "false-negative"
  | "true-positive"
  | "true-positive-then-negative"
  | "true-positive-twice"
  | "false-positive-twice"
  | "false-positive-then-negative"
  | "false-positive"
  | "true-negative";

export interface BayesModel {
  rates: ScreeningRates;
  bayes: BayesResult;
  counts: ScreeningCounts;
  sick: number;
  healthy: number;
  positives: number;
  negatives: number;
  /** The positives retested, per branch: counts from screeningCounts on each branch alone. */
  second: {
    sickAgain: number;
    sickThenNegative: number;
    healthyAgain: number;
    healthyThenNegative: number;
    positiveTwice: number;
  };
  twice: RetestResult;
  /** Grid groups in row-major order: sick first, positives contiguous, then the healthy. */
  groups: { key: GroupKey; count: number }[];
  /** The run of cells to ring: the positives, or those positive twice when retesting. */
  highlight: { from: number; to: number; count: number; sick: number };
}

export function bayesModel(p: BayesParams): BayesModel {
  const rates: ScreeningRates = {
    prevalence: p.prevalence,
    sensitivity: p.sensitivity,
    specificity: p.specificity,
  };
  const bayes = bayesPosterior(rates);
  const counts = screeningCounts(p.population, rates);
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn } = counts;
  // The second test, branch by branch: the sick positives are all sick (prevalence 1), the
  // healthy positives all healthy (prevalence 0), so the counts stay whole people and add up.
  const again = (population: number, prevalence: number) =>
    screeningCounts(population, { ...rates, prevalence });
  const sickRetest = again(tp, 1);
  const healthyRetest = again(fp, 0);
  const second = {
    sickAgain: sickRetest.truePositives,
    sickThenNegative: sickRetest.falseNegatives,
    healthyAgain: healthyRetest.falsePositives,
    healthyThenNegative: healthyRetest.trueNegatives,
    positiveTwice: sickRetest.truePositives + healthyRetest.falsePositives,
  };
  const groups: BayesModel["groups"] = p.retest
    ? [
        { key: "false-negative", count: fn },
        { key: "true-positive-then-negative", count: second.sickThenNegative },
        { key: "true-positive-twice", count: second.sickAgain },
        { key: "false-positive-twice", count: second.healthyAgain },
        { key: "false-positive-then-negative", count: second.healthyThenNegative },
        { key: "true-negative", count: tn },
      ]
    : [
        { key: "false-negative", count: fn },
        { key: "true-positive", count: tp },
        { key: "false-positive", count: fp },
        { key: "true-negative", count: tn },
      ];
  const highlight = p.retest
    ? {
        from: fn + second.sickThenNegative,
        to: fn + tp + second.healthyAgain,
        count: second.positiveTwice,
        sick: second.sickAgain,
      }
    : { from: fn, to: fn + tp + fp, count: tp + fp, sick: tp };
  return {
    rates,
    bayes,
    counts,
    sick: tp + fn,
    healthy: fp + tn,
    positives: tp + fp,
    negatives: fn + tn,
    second,
    twice: retest(rates),
    groups,
    highlight,
  };
}

/** A probability as a percentage for people, with enough digits to tell 99.9 % from 100 %. */
export function pct(v: number): string {
  let digits = 4;
  if (v > 0.99 && v < 1) digits = Math.min(9, 3 + Math.ceil(-Math.log10(1 - v)));
  return `${formatNumber(v * 100, digits)} %`;
}
