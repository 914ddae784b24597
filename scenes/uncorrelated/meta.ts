import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "uncorrelated",
  title: "Uncorrelated is not independent",
  section: "probability",
  summary:
    "Y = X² has zero covariance with X yet is a function of it: the spread of Y within X-bins shows the dependence correlation misses.",
} satisfies SceneMeta;
