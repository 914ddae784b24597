import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "norm-balls",
  title: "L1, L2, L∞ and Lp balls",
  section: "linear-algebra",
  summary:
    "Drag a point: the diamond, circle and square through it show ‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁, and why L1 favours sparse corners.",
} satisfies SceneMeta;
