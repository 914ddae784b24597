import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "gd-surface",
  title: "Gradient descent on a surface",
  section: "optimization",
  summary:
    "Drag the start and the step size η: the path converges while η < 2/L, zig-zags when the bowl is ill-conditioned, and leaves the picture past 2/L.",
  headline: true,
} satisfies SceneMeta;
