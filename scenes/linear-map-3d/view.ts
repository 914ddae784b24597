// The picture of linear-map-3d: a three.js space with the unit cube and its image (the
// parallelepiped, coloured by orientation), the columns Ae₁, Ae₂, Ae₃, the real eigen-directions,
// the column space (a plane, a line or a point when the rank drops) and a point cloud with its
// image. One renderer, frames on demand, everything disposed; WebGL problems are said plainly.
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DoubleSide,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  Points,
  PointsMaterial,
} from "three";
import {
  createSpace3d,
  type Arrow3,
  type Ball,
  type Label3,
  type P3,
  type Segment,
} from "../../src/draw/space3d";
import { createBanner } from "../../src/draw/label";
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import { columnSpaceWords, type Map3Model, type Map3Params, type params as schema } from "./model";

const EXTENT = 4;
/** Half-size of the drawn column-space plane and line. */
const SPAN = EXTENT * 1.1;
const MORPH_SECONDS = 2.5;

/** Corner indices (x + 2y + 4z) of the cube's six faces, as quads. */
const FACES = [
  [0, 1, 3, 2],
  [4, 5, 7, 6],
  [0, 1, 5, 4],
  [2, 3, 7, 6],
  [0, 2, 6, 4],
  [1, 3, 7, 5],
];
/** The cube's twelve edges: corners that differ in one coordinate. */
const EDGES: [number, number][] = [];
for (let c = 0; c < 8; c++) for (const bit of [1, 2, 4]) if (!(c & bit)) EDGES.push([c, c | bit]);
const CORNERS: P3[] = Array.from({ length: 8 }, (_, c) => [c & 1, (c >> 1) & 1, (c >> 2) & 1]);

interface Objects {
  cubeEdges: Segment[];
  paraEdges: Segment[];
  paraFaces: Mesh<BufferGeometry, MeshLambertMaterial>;
  columns: Arrow3[];
  columnLabels: Label3[];
  eigLines: Segment[];
  eigLabels: Label3[];
  plane: Mesh<BufferGeometry, MeshBasicMaterial>;
  planeEdges: Segment[];
  line: Segment;
  origin: Ball;
  spaceLabel: Label3;
  volumeLabel: Label3;
  cloudBefore: Points<BufferGeometry, PointsMaterial>;
  cloudAfter: Points<BufferGeometry, PointsMaterial>;
}

export function mountLinearMap3d(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  let last: { p: Map3Params; m: Map3Model } | null = null;
  let themeSeen: string | null = null;
  const space = createSpace3d(host, {
    label:
      "The unit cube, a point cloud and the column space under the 3×3 matrix A; drag to turn the view",
    extent: EXTENT,
    onRestore: () => {
      // three.js re-uploads on its own after a restore; rebuilding our objects as well means
      // nothing can be left pointing at buffers of the lost context.
      space.clear();
      objs = build();
      themeSeen = null;
      if (last) update(last.p, last.m);
    },
  });
  // Most maps here keep the unit cube's image near the positive octant: orbit about its middle.
  space.setTarget([0.8, 0.8, 0.5]);
  const banner = createBanner(host);
  const resetBtn = document.createElement("button");
  resetBtn.type = "button";
  resetBtn.className = "lg-btn";
  resetBtn.textContent = "⟲ View";
  resetBtn.title = "Reset the camera";
  resetBtn.setAttribute("aria-label", "Reset the 3-D view");
  Object.assign(resetBtn.style, { position: "absolute", right: "0.6rem", bottom: "0.6rem" });
  resetBtn.addEventListener("click", () => space.resetView());
  host.appendChild(resetBtn);

  function points(): Points<BufferGeometry, PointsMaterial> {
    const g = new BufferGeometry();
    g.setAttribute("position", new BufferAttribute(new Float32Array(0), 3));
    const pts = new Points(
      g,
      new PointsMaterial({ size: 4, sizeAttenuation: false, transparent: true }),
    );
    space.world.add(pts);
    return pts;
  }

  function build(): Objects {
    const faceGeo = new BufferGeometry();
    faceGeo.setAttribute("position", new BufferAttribute(new Float32Array(6 * 6 * 3), 3));
    const paraFaces = new Mesh(
      faceGeo,
      new MeshLambertMaterial({
        transparent: true,
        opacity: 0.22,
        side: DoubleSide,
        depthWrite: false,
      }),
    );
    space.world.add(paraFaces);
    const planeGeo = new BufferGeometry();
    // Until a rank-2 map places it, the plane is the unit square: the first frame draws every
    // object once (renderWarm), and a shape with no area would leave its pipeline uncompiled.
    planeGeo.setAttribute(
      "position",
      new BufferAttribute(
        new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0]),
        3,
      ),
    );
    const plane = new Mesh(
      planeGeo,
      new MeshBasicMaterial({
        transparent: true,
        opacity: 0.1,
        side: DoubleSide,
        depthWrite: false,
      }),
    );
    space.world.add(plane);
    return {
      cubeEdges: EDGES.map(() => space.segment()),
      paraEdges: EDGES.map(() => space.segment()),
      paraFaces,
      columns: [0, 1, 2].map(() => space.arrow()),
      columnLabels: [0, 1, 2].map(() => space.label()),
      eigLines: [0, 1, 2].map(() => space.segment()),
      eigLabels: [0, 1, 2].map(() => space.label()),
      plane,
      planeEdges: [0, 1, 2, 3].map(() => space.segment()),
      line: space.segment(),
      origin: space.ball(),
      spaceLabel: space.label(),
      volumeLabel: space.label(),
      cloudBefore: points(),
      cloudAfter: points(),
    };
  }
  let objs = build();

  function setCloud(
    pts: Points<BufferGeometry, PointsMaterial>,
    xs: readonly P3[],
    color: string,
    opacity: number,
    size: number,
  ): void {
    let attr = pts.geometry.getAttribute("position") as BufferAttribute;
    if (attr.count !== xs.length) {
      attr = new BufferAttribute(new Float32Array(xs.length * 3), 3);
      pts.geometry.setAttribute("position", attr);
    }
    const a = attr.array as Float32Array;
    xs.forEach((x, i) => a.set(x, 3 * i));
    attr.needsUpdate = true;
    pts.geometry.computeBoundingSphere();
    pts.visible = xs.length > 0;
    pts.material.color = new Color(color);
    pts.material.opacity = opacity;
    pts.material.size = size;
  }

  function update(p: Map3Params, m: Map3Model): void {
    last = { p, m };
    const pal: Palette = ctx.palette();
    if (themeSeen !== pal.theme) {
      space.setPalette(pal);
      themeSeen = pal.theme;
    }
    const o = objs;
    const D = m.drawn;
    const r = 0.011 * EXTENT * (pal.lineWidth / 2);
    const flipped = D.det < 0;
    const boxColor = flipped ? pal.bad : pal.c[5];

    o.cubeEdges.forEach((s, i) =>
      s.set(CORNERS[EDGES[i][0]], CORNERS[EDGES[i][1]], r * 0.45, pal.muted),
    );
    o.paraEdges.forEach((s, i) =>
      s.set(m.cube[EDGES[i][0]], m.cube[EDGES[i][1]], r * 0.7, boxColor),
    );
    const fa = o.paraFaces.geometry.getAttribute("position") as BufferAttribute;
    let q = 0;
    for (const [a, b, c, d] of FACES)
      for (const idx of [a, b, c, a, c, d]) (fa.array as Float32Array).set(m.cube[idx], 3 * q++);
    fa.needsUpdate = true;
    o.paraFaces.geometry.computeVertexNormals();
    o.paraFaces.geometry.computeBoundingSphere();
    o.paraFaces.material.color = new Color(boxColor);
    o.paraFaces.visible = D.rank === 3;

    const colColors = [pal.c[0], pal.c[1], pal.c[3]];
    for (let j = 0; j < 3; j++) {
      const col: P3 = [D.M[j], D.M[3 + j], D.M[6 + j]];
      o.columns[j].set([0, 0, 0], col, r * 1.15, colColors[j]);
      const far = Math.hypot(...col) > 1e-6;
      o.columnLabels[j].set(
        far ? [col[0] * 1.06, col[1] * 1.06, col[2] * 1.06] : null,
        `Ae${["₁", "₂", "₃"][j]}`,
        colColors[j],
      );
    }

    // Real eigen-directions (the lines A maps into themselves), labelled with their λ.
    let line = 0;
    D.eig.forEach((e, i) => {
      for (const v of e.vectors) {
        if (line > 2) return;
        const L = EXTENT * 1.05;
        o.eigLines[line].set(
          [-L * v[0], -L * v[1], -L * v[2]],
          [L * v[0], L * v[1], L * v[2]],
          r * 0.5,
          pal.c[2],
        );
        o.eigLabels[line].set(
          [L * v[0], L * v[1], L * v[2]],
          `λ${["₁", "₂", "₃"][i]} = ${f(e.re, 3)}`,
          pal.c[2],
        );
        line++;
      }
    });
    for (; line < 3; line++) {
      o.eigLines[line].hide();
      o.eigLabels[line].set(null, "", pal.c[2]);
    }

    // The column space, by rank: all of space (nothing to draw), a plane, a line or the origin.
    const cs = pal.c[4];
    o.plane.visible = D.rank === 2;
    o.planeEdges.forEach((s) => s.hide());
    o.line.hide();
    o.origin.hide();
    o.spaceLabel.set(null, "", cs);
    if (D.rank === 2) {
      const [u, w] = D.colBasis;
      const c = (s: number, t: number): P3 => [
        SPAN * (s * u[0] + t * w[0]),
        SPAN * (s * u[1] + t * w[1]),
        SPAN * (s * u[2] + t * w[2]),
      ];
      const quad = [c(-1, -1), c(1, -1), c(1, 1), c(-1, 1)];
      const pa = o.plane.geometry.getAttribute("position") as BufferAttribute;
      [0, 1, 2, 0, 2, 3].forEach((k, i) => (pa.array as Float32Array).set(quad[k], 3 * i));
      pa.needsUpdate = true;
      o.plane.geometry.computeBoundingSphere();
      o.plane.material.color = new Color(cs);
      o.planeEdges.forEach((s, i) => s.set(quad[i], quad[(i + 1) % 4], r * 0.4, cs, 0.7));
      o.spaceLabel.set(c(0.75, 0.75), "column space: a plane", cs);
    } else if (D.rank === 1) {
      const u = D.colBasis[0];
      o.line.set(
        [-SPAN * u[0], -SPAN * u[1], -SPAN * u[2]],
        [SPAN * u[0], SPAN * u[1], SPAN * u[2]],
        r * 1.3,
        cs,
        0.75,
      );
      o.spaceLabel.set(
        [0.8 * SPAN * u[0], 0.8 * SPAN * u[1], 0.8 * SPAN * u[2]],
        "column space: a line",
        cs,
      );
    } else if (D.rank === 0) {
      o.origin.set([0, 0, 0], r * 4, cs);
      o.spaceLabel.set([0, 0, 0], "column space: the origin", cs);
    }

    const centre: P3 = [0, 1, 2].map((i) => (m.cube[0][i] + m.cube[7][i]) / 2) as unknown as P3;
    o.volumeLabel.set(
      centre,
      D.rank === 3 ? `volume ${f(Math.abs(D.det), 3)}${flipped ? " (flipped)" : ""}` : "volume 0",
      boxColor,
    );

    const size = pal.theme === "projector" ? 4.5 : 3;
    setCloud(o.cloudBefore, m.cloud, pal.muted, 0.3, size * 0.8);
    setCloud(o.cloudAfter, m.cloudImage, pal.fg, 0.75, size);

    const A = m.A;
    const morph =
      m.t < 1 ? `Morphing I → A (t = ${f(m.t, 2)}): det of the drawn map ${f(D.det, 3)}. ` : "";
    const rankWords =
      A.rank === 3
        ? `det A = ${f(A.det, 4)}: the cube becomes a box of volume ${f(Math.abs(A.det), 4)}${A.det < 0 ? ", orientation flipped" : ""}. Rank 3: the columns span all of space.`
        : `Rank ${A.rank}: the columns span ${columnSpaceWords(A.rank)}, so det A = 0 and the cube is flattened to volume 0.`;
    const pair = A.eig.find((e) => e.im !== 0);
    const turn = pair
      ? ` Eigenvalues ${f(pair.re, 3)} ± ${f(Math.abs(pair.im), 3)}i: A turns a plane, so only one real eigen-direction is left.`
      : "";
    banner.show(morph + rankWords + turn, A.rank < 3 ? cs : A.det < 0 ? pal.bad : pal.c[5]);
    space.render();
  }

  let start: number | null = 0;
  return {
    update,
    frame(clock: number) {
      // Play morphs the identity into A over a few seconds, then stops by itself.
      if (start === null || clock < start) start = clock;
      const tt = Math.min(1, (clock - start) / MORPH_SECONDS);
      ctx.set({ t: Math.round(tt * 100) / 100 });
      if (tt >= 1) {
        start = null;
        return true;
      }
      return false;
    },
    step() {
      const cur = ctx.params().t;
      ctx.set({ t: cur >= 1 ? 0 : Math.min(1, Math.round((cur + 0.1) * 100) / 100) });
    },
    reset() {
      start = 0;
    },
    resize({ width, height }: { width: number; height: number }) {
      space.resize(width, height);
      space.requestRender();
    },
    dispose() {
      space.dispose();
      banner.remove();
      resetBtn.remove();
    },
  };
}
