// Dot product, angle and projection: two draggable arrows x and y, the projection of y onto x, the
// angle θ, and xᵀy beside ‖x‖‖y‖cos θ. Notice that the sign of xᵀy is the side of the dashed
// perpendicular y is on: positive when acute, 0 exactly when perpendicular, negative when obtuse.
// SCENES.md: `dot-product`.
import { alignment } from "../../src/core/alignment";
import { formatNumber as f, texNumber as t } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import { dotModel, params, presets, type DotModel } from "./model";
import { mountDotProduct } from "./view";

const vec = (v: readonly number[], digits = 4) => `(${v.map((c) => f(c, digits)).join(", ")})`;
/** A factor in a product, parenthesised when negative. */
const tf = (v: number) => (v < 0 ? `(${t(v)})` : t(v));

const KIND_WORDS = {
  acute: "acute, so xᵀy > 0",
  right: "a right angle, so xᵀy = 0",
  obtuse: "obtuse, so xᵀy < 0",
  undefined: "undefined",
} as const;

const P = presets.perpendicular;
const U = presets["unit-vectors"];

export default defineScene({
  meta,
  params,
  presets,
  drills: [
    {
      id: "perpendicular",
      title: "Check · a right angle",
      question: `x = (${P.x1}, ${P.x2}) and y = (${P.y1}, ${P.y2}). Compute xᵀy, then the angle θ in degrees.`,
      fields: [
        { label: "xᵀy", value: () => alignment([P.x1, P.x2], [P.y1, P.y2]).dot, tol: 1e-6 },
        {
          label: "θ (°)",
          value: () => ((alignment([P.x1, P.x2], [P.y1, P.y2]).angle ?? 0) * 180) / Math.PI,
          tol: 0.05,
        },
      ],
      answer: () =>
        "x₁y₁ + x₂y₂ = −3 + 3 = 0. Since xᵀy = ‖x‖‖y‖cos θ with both norms positive, cos θ = 0: the vectors are perpendicular, and the projection of y onto x is the zero vector.",
      preset: "perpendicular",
    },
    {
      id: "unit-cosine",
      title: "Check · unit vectors",
      question: `x = (${U.x1}, ${U.x2}) and y = (${U.y1}, ${U.y2}) both have length 1. What is cos θ?`,
      fields: [
        { label: "cos θ", value: () => alignment([U.x1, U.x2], [U.y1, U.y2]).cos ?? 0, tol: 1e-3 },
      ],
      answer: () =>
        "For unit vectors ‖x‖ = ‖y‖ = 1, so xᵀy = cos θ: the dot product of two directions is the cosine of the angle between them (the cosine similarity of machine learning).",
      preset: "unit-vectors",
    },
  ],
  model: (p) => dotModel(p),
  readouts(m: DotModel) {
    const a = m.a;
    const why = a.why ?? undefined;
    return [
      { name: "dot", label: "xᵀy", value: a.dot, digits: 6 },
      { name: "norm-x", label: "‖x‖", value: a.normX },
      { name: "norm-y", label: "‖y‖", value: a.normY },
      { name: "cos", label: "cos θ", value: a.cos, why },
      { name: "angle-deg", label: "θ", value: m.angleDeg, unit: "°", why },
      { name: "dot-from-angle", label: "‖x‖‖y‖cos θ", value: a.dotFromAngle, digits: 6, why },
      { name: "projection", label: "projₓ y", value: a.projection },
    ];
  },
  formulas(m: DotModel) {
    const [x1, x2] = m.x;
    const [y1, y2] = m.y;
    const a = m.a;
    const first = `x^\\top y = x_1y_1 + x_2y_2 = ${tf(x1)}\\cdot${tf(y1)} + ${tf(x2)}\\cdot${tf(y2)} = ${t(a.dot, 6)}`;
    const second =
      a.angle === null
        ? `\\|x\\|\\,\\|y\\|\\cos\\theta:\\ \\theta \\text{ is undefined for a zero vector}`
        : `\\|x\\|\\,\\|y\\|\\cos\\theta = ${t(a.normX)}\\cdot${t(a.normY)}\\cdot\\cos ${t(m.angleDeg ?? 0)}^\\circ = ${t(a.dotFromAngle ?? 0, 6)}`;
    const third =
      a.normX === 0
        ? `\\operatorname{proj}_x y = 0 \\quad (x = 0 \\text{ spans no line})`
        : `\\operatorname{proj}_x y = \\frac{x^\\top y}{x^\\top x}\\,x = \\frac{${t(a.dot, 6)}}{${t(a.normX * a.normX, 6)}}\\,x = (${t(a.projection[0])},\\ ${t(a.projection[1])})`;
    return [first, second, third];
  },
  describe(m: DotModel) {
    const a = m.a;
    if (a.kind === "undefined") return `x = ${vec(m.x)} and y = ${vec(m.y)}: ${a.why}`;
    return `x = ${vec(m.x)} and y = ${vec(m.y)} meet at θ = ${f(m.angleDeg ?? 0)}°, ${KIND_WORDS[a.kind]}: xᵀy = ${f(a.dot, 6)} = ‖x‖‖y‖cos θ = ${f(a.normX)} × ${f(a.normY)} × ${f(a.cos ?? 0)}; the projection of y onto x is ${vec(a.projection)}.`;
  },
  mount: mountDotProduct,
});
