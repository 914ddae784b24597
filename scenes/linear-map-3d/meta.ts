import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "linear-map-3d",
  title: "Determinant, trace and rank in 3D",
  section: "linear-algebra",
  summary:
    "A 3×3 matrix carries the unit cube to a parallelepiped of volume |det A| and its columns span a space, a plane, a line or a point.",
} satisfies SceneMeta;
