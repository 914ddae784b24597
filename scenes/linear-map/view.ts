// The picture of linear-map: the plane, the images of the grid, square and circle, the columns of A
// as draggable arrows, the eigen-directions, and the probe v with Av.
import { formatNumber as f } from "../../src/kit/format";
import type { SceneCtx } from "../../src/kit/scene";
import { createArrow } from "../../src/draw/arrow";
import { createHandle } from "../../src/draw/handle";
import { createPlane, type Pt } from "../../src/draw/plane";
import { attrs, polyline, svg } from "../../src/draw/svg";
import { createLabel, createBanner } from "../../src/draw/label";
import { mat2Apply } from "../../src/core/vec";
import {
  snapToEigen,
  type LinearMapModel,
  type LinearMapParams,
  type params as schema,
} from "./model";

const SNAP_DEG = 2.5;
const SPIN_DEG_PER_S = 24;

export function mountLinearMap(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  const plane = createPlane(host, {
    x: [-4.5, 4.5],
    y: [-4.5, 4.5],
    label: "The plane under the linear map A",
  });
  const warpedGrid = svg("path", { fill: "none" }, plane.back);
  const unitCircle = svg("path", { fill: "none", "stroke-dasharray": "4 4" }, plane.back);
  const unitSquare = svg("path", { fill: "none", "stroke-dasharray": "4 4" }, plane.back);
  const para = svg("path", {}, plane.back);
  const ellipse = svg("path", { fill: "none" }, plane.back);
  const eigLines = [svg("path", {}, plane.back), svg("path", {}, plane.back)];
  const eigLabels = [createLabel(plane.front), createLabel(plane.front)];
  const areaLabel = createLabel(plane.front);
  const col1 = createArrow(plane);
  const col2 = createArrow(plane);
  const vArrow = createArrow(plane);
  const avArrow = createArrow(plane);
  const labels = {
    c1: createLabel(plane.front),
    c2: createLabel(plane.front),
    v: createLabel(plane.front),
    av: createLabel(plane.front),
  };
  const banner = createBanner(host);

  let model: LinearMapModel | null = null;
  const params = () => ctx.params();
  const setColumn = (i: 0 | 1, x: number, y: number) => {
    const p = params();
    if (i === 0) ctx.set(p.symmetric ? { a11: x, a21: y, a12: y } : { a11: x, a21: y });
    else ctx.set(p.symmetric ? { a12: x, a22: y, a21: x } : { a12: x, a22: y });
  };
  const h1 = createHandle(plane, {
    name: "column 1 of A (image of e₁)",
    step: 0.05,
    onMove: (x, y) => setColumn(0, x, y),
  });
  const h2 = createHandle(plane, {
    name: "column 2 of A (image of e₂)",
    step: 0.05,
    onMove: (x, y) => setColumn(1, x, y),
  });
  const hv = createHandle(plane, {
    name: "probe vector v on the unit circle",
    step: 0.05,
    constrain: (x, y) => {
      const n = Math.hypot(x, y) || 1;
      return [x / n, y / n];
    },
    onMove: (x, y) => {
      let deg = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
      // Near an eigen-direction the probe snaps onto it, so a person can actually land there.
      if (model) deg = snapToEigen(model, deg, SNAP_DEG) ?? deg;
      ctx.set({ angle: deg });
    },
  });

  let spinAngle: number | null = null;
  let lastT: number | null = null;

  return {
    update(p: LinearMapParams, m: LinearMapModel) {
      model = m;
      const pal = ctx.palette();
      const lw = pal.lineWidth;
      plane.drawGrid(pal);
      const R = 6;
      // The image of the integer grid: lines x = k and y = k carried by A.
      let d = "";
      for (let k = -R; k <= R; k++) {
        d += polyline([plane.px(mat2Apply(m.A, [k, -R])), plane.px(mat2Apply(m.A, [k, R]))]);
        d += polyline([plane.px(mat2Apply(m.A, [-R, k])), plane.px(mat2Apply(m.A, [R, k]))]);
      }
      attrs(warpedGrid, { d, stroke: pal.c[0], "stroke-opacity": 0.16, "stroke-width": 1 });
      const circle: Pt[] = [];
      for (let i = 0; i <= 96; i++)
        circle.push([Math.cos((i / 48) * Math.PI), Math.sin((i / 48) * Math.PI)]);
      attrs(unitCircle, {
        d: polyline(circle.map(plane.px)),
        stroke: pal.muted,
        "stroke-width": 1,
      });
      attrs(unitSquare, {
        d: polyline(
          (
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
              [0, 0],
            ] as Pt[]
          ).map(plane.px),
        ),
        stroke: pal.muted,
        "stroke-width": 1,
      });
      const flipped = m.det < 0;
      attrs(para, {
        d: polyline([...m.parallelogram, m.parallelogram[0]].map(plane.px)) + "Z",
        fill: flipped ? pal.c[1] : pal.c[0],
        "fill-opacity": 0.14,
        stroke: flipped ? pal.c[1] : pal.c[0],
        "stroke-opacity": 0.5,
        "stroke-width": 1,
      });
      attrs(ellipse, {
        d: polyline(m.ellipse.map(plane.px)),
        stroke: pal.c[3],
        "stroke-width": lw,
      });
      const centre = m.parallelogram[2];
      areaLabel.update(
        plane.px([centre[0] / 2, centre[1] / 2]),
        `area |det| = ${f(Math.abs(m.det), 3)}${flipped ? " (flipped)" : ""}`,
        pal.muted,
        pal,
      );

      // Eigen-directions: full lines through the origin, labelled with λ.
      const vis = plane.visible();
      const far =
        2 *
        Math.max(Math.abs(vis.x[0]), Math.abs(vis.x[1]), Math.abs(vis.y[0]), Math.abs(vis.y[1]));
      eigLines.forEach((line, i) => {
        const dir = m.directions[i];
        if (!dir || (m.eig.kind === "repeated" && m.eig.vectors.length === 2)) {
          line.style.display = "none";
          eigLabels[i].hide();
          return;
        }
        line.style.display = "";
        const on = m.onEigenvector === i;
        attrs(line, {
          d: polyline([
            plane.px([-far * dir.v[0], -far * dir.v[1]]),
            plane.px([far * dir.v[0], far * dir.v[1]]),
          ]),
          stroke: pal.c[2],
          "stroke-width": on ? lw * 2 : lw,
          "stroke-dasharray": on ? null : "8 6",
        });
        const s = 3.6;
        eigLabels[i].update(
          plane.px([s * dir.v[0], s * dir.v[1]]),
          `λ${i === 0 ? "₁" : "₂"} = ${f(dir.lambda, 3)}`,
          pal.c[2],
          pal,
        );
      });

      const c1: Pt = [m.A[0], m.A[2]];
      const c2: Pt = [m.A[1], m.A[3]];
      col1.update([0, 0], c1, pal.c[0], lw * 1.5);
      col2.update([0, 0], c2, pal.c[1], lw * 1.5);
      labels.c1.update(plane.px([c1[0] * 1.08, c1[1] * 1.08]), "Ae₁", pal.c[0], pal, [10, -10]);
      labels.c2.update(plane.px([c2[0] * 1.08, c2[1] * 1.08]), "Ae₂", pal.c[1], pal, [10, -10]);
      const aligned = m.onEigenvector !== null;
      const vColor = aligned ? pal.good : pal.fg;
      const avColor = aligned ? pal.good : pal.c[3];
      avArrow.update([0, 0], m.Av, avColor, aligned ? lw * 2.2 : lw * 1.3, { opacity: 0.95 });
      vArrow.update([0, 0], m.v, vColor, aligned ? lw * 2.2 : lw * 1.3);
      labels.v.update(plane.px([m.v[0] * 1.15, m.v[1] * 1.15]), "v", vColor, pal);
      labels.av.update(plane.px([m.Av[0] * 1.06, m.Av[1] * 1.06]), "Av", avColor, pal, [8, -8]);
      h1.update(c1[0], c1[1], pal, pal.c[0]);
      h2.update(c2[0], c2[1], pal, pal.c[1]);
      hv.update(m.v[0], m.v[1], pal, vColor);

      const e = m.eig;
      if (e.kind === "complex")
        banner.show(
          `Complex eigenvalues ${f(e.re, 3)} ± ${f(e.im, 3)}i: no real direction is kept, the map rotates every line.`,
          pal.c[1],
        );
      else if (e.kind === "repeated" && e.vectors.length === 2)
        banner.show(
          `A = ${f(e.value, 3)}·I: every vector is an eigenvector (Av = ${f(e.value, 3)}v).`,
          pal.good,
        );
      else if (aligned)
        banner.show(
          `Av = λv with λ = ${f(m.probeLambda ?? 0, 4)}: v lies on an eigenvector. A only stretches it.`,
          pal.good,
        );
      else if (e.kind === "repeated")
        banner.show(
          `Defective: one repeated eigenvalue ${f(e.value, 3)} and a single eigen-direction. v is turned by ${f(m.misalignDeg, 3)}°.`,
          pal.muted,
        );
      else
        banner.show(
          `v is turned by ${f(m.misalignDeg, 3)}°. Drag v onto a dashed line, where Av ∥ v.`,
          pal.muted,
        );
      spinAngle = p.angle;
    },
    frame(t: number) {
      // Auto-rotate the probe, so a class sees v pass through the eigen-directions.
      const dt = lastT === null || t < lastT ? 0 : t - lastT;
      lastT = t;
      spinAngle = ((spinAngle ?? params().angle) + SPIN_DEG_PER_S * dt) % 360;
      ctx.set({ angle: spinAngle });
    },
    step() {
      ctx.set({ angle: (params().angle + 5) % 360 });
    },
    reset() {
      lastT = null;
      spinAngle = null;
    },
    resize({ width, height }: { width: number; height: number }) {
      plane.resize(width, height);
    },
    dispose() {
      plane.svg.remove();
      banner.remove();
    },
  };
}
