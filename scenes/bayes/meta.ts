import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "bayes",
  title: "Disease screening with Bayes' rule",
  section: "probability",
  summary:
    "Count a screened population: with a low base rate, most positive tests come from healthy people.",
  headline: true,
} satisfies SceneMeta;
