import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "dot-product",
  title: "Dot product, angle and projection",
  section: "linear-algebra",
  summary:
    "Drag two arrows: xᵀy = ‖x‖‖y‖cos θ measures alignment, and it is 0 exactly when they are perpendicular.",
} satisfies SceneMeta;
