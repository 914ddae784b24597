import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "mle",
  title: "Maximum likelihood",
  section: "probability",
  summary:
    "Drag a candidate along the log-likelihood: it peaks where the slope is zero, at the sample mean.",
} satisfies SceneMeta;
