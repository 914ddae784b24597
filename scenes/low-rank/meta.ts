import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "low-rank",
  title: "Low-rank approximation of an image",
  section: "linear-algebra",
  summary:
    "Keep the k largest singular values of an image (or your own): energy kept, error and storage, with the error equal to √(dropped energy).",
} satisfies SceneMeta;
