import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "hoeffding",
  title: "Hoeffding intervals shrinking with n",
  section: "generalisation",
  summary:
    "A running mean stays inside the funnel ±√(ln(2/δ)/(2n)); quadruple n and the interval halves.",
  headline: true,
} satisfies SceneMeta;
