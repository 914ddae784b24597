import type { SceneMeta } from "../../src/kit/scene";

export default {
  id: "pca",
  title: "PCA by hand, and by SVD",
  section: "linear-algebra",
  summary:
    "Drag, add and delete points: the covariance ellipse, PC1 and PC2 follow, and eigh of the covariance agrees with the SVD of the centred data.",
} satisfies SceneMeta;
