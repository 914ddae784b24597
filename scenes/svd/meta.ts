import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "svd",
  title: "SVD: rotate, stretch, rotate",
  section: "linear-algebra",
  summary:
    "Turn, stretch along the axes, turn: A = UΣVᵀ carries the unit circle to an ellipse with semi-axes σ₁u₁, σ₂u₂.",
} satisfies SceneMeta;
