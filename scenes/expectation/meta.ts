import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "expectation",
  title: "Linearity of expectation, variance of sums",
  section: "probability",
  summary:
    "Add up coins or dice and make them dependent: the mean of the sum still adds, the variance does not.",
} satisfies SceneMeta;
