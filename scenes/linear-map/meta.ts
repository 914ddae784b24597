import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "linear-map",
  title: "Eigenvectors under a 2D linear map",
  section: "linear-algebra",
  summary: "Drag the columns of A and a probe v: eigenvectors are the directions A only stretches.",
  headline: true,
} satisfies SceneMeta;
