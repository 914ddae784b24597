import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "distributions",
  title: "Bernoulli, Binomial, Gaussian, Poisson",
  section: "probability",
  summary:
    "Draw seeded samples into a histogram and watch it settle onto the pmf or pdf, with the sample mean and variance closing in on E[X] and Var(X).",
  headline: true,
} satisfies SceneMeta;
