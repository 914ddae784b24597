// A three.js surface z = f(x, y) over a box, with trajectories draped on it: one renderer per
// scene, drawn on demand only (a parameter change, an animation frame or an orbit drag; never an
// idle loop). Geometry is rebuilt only when the function changes; a new trajectory rewrites the
// path buffers in place. Where WebGL is missing, or the context is lost, a text message takes
// the canvas's place and the rest of the scene keeps working; dispose() frees everything.
import {
  BufferAttribute,
  BufferGeometry,
  CanvasTexture,
  Color,
  DoubleSide,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Points,
  PointsMaterial,
  Scene,
  SphereGeometry,
  Vector3,
  WebGLRenderer,
  type Material,
  type Object3D,
} from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import type { Palette } from "../kit/scene";
import { clipSegment, mixColor, type Box } from "./contour";
import { softwareGl, startRenderer, warmRenderer } from "./webgl";

type P2 = readonly [number, number];

/** What the surface shows; the mesh is rebuilt only when `key` changes. */
export interface SurfaceSpec {
  key: string;
  f: (p: P2) => number;
  box: Box;
  /** Height as a function of f (identity, or log1p for a valley spanning many decades). */
  height: (v: number) => number;
  /** Grid cells per side (default 96; 48 where WebGL runs on the CPU). */
  cells?: number;
}

/** One trajectory: the iterates, f at each, how many to show, and its style. */
export interface SurfacePath {
  points: readonly P2[];
  values: readonly number[];
  /** Iterates 0…count−1 are shown (the animation reveals them one by one). */
  count: number;
  color: string;
  /** Line width in CSS pixels. */
  width: number;
}

export interface SurfaceMarker {
  at: P2;
  color: string;
}

export interface Surface3D {
  readonly el: HTMLElement;
  /** False when WebGL could not start: every method is then a no-op. */
  readonly available: boolean;
  setSurface(spec: SurfaceSpec, p: Palette): void;
  setPaths(paths: readonly SurfacePath[]): void;
  setMarkers(markers: readonly SurfaceMarker[]): void;
  /** Restyles for a theme without rebuilding geometry. */
  setPalette(p: Palette): void;
  resize(width: number, height: number): void;
  /** Draws one frame now (no-op while the context is lost). */
  render(): void;
  dispose(): void;
}

/** World units: the box maps to [−1, 1] along its longer side, heights to [0, HEIGHT]. */
const HEIGHT = 0.9;
const LIFT = 0.012;
const MAX_SUB = 24;

/** The baked light: ambient and sun intensities, and the unit direction towards the sun. */
const AMBIENT = 1.3;
const SUN_INTENSITY = 1.9;
const SUN = ((v: [number, number, number]) => v.map((x) => x / Math.hypot(...v)))([1.5, -2, 3]);
const FULL: [number, number] = [0, 1];

function dotTexture(): CanvasTexture {
  const c = document.createElement("canvas");
  c.width = c.height = 64;
  const g = c.getContext("2d");
  if (g) {
    g.fillStyle = "#ffffff";
    g.beginPath();
    g.arc(32, 32, 28, 0, 2 * Math.PI);
    g.fill();
  }
  return new CanvasTexture(c);
}

/**
 * A path is a ribbon painted on the surface: each segment a flat quad (two triangles, 18 floats)
 * lying along the surface, as wide as `width` CSS pixels at the default view. It reads from every
 * angle the camera may take (never below the horizon) and needs no line shader beyond three's
 * basic material.
 */
const RIBBON_FLOATS = 18;

/** A geometry of `floats` zeroed position floats, nothing drawn yet. */
function emptyGeometry(floats: number): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute("position", new BufferAttribute(new Float32Array(floats), 3));
  g.setDrawRange(0, 0);
  return g;
}

interface PathSlot {
  line: Mesh;
  geom: BufferGeometry;
  mat: MeshBasicMaterial;
  capacity: number;
  dots: Points;
  dotGeom: BufferGeometry;
  dotMat: PointsMaterial;
  dotCapacity: number;
  /** segEnd[k]: segments emitted for iterates 0…k (so revealing k iterates shows segEnd[k−1]). */
  segEnd: Int32Array;
  /** Iterates drawn as dots: for each k, how many dots precede it (outside points are skipped). */
  dotEnd: Int32Array;
  points: readonly P2[] | null;
}

export function createSurface3D(host: HTMLElement, opts: { label: string }): Surface3D {
  const el = document.createElement("div");
  el.style.position = "relative";
  el.style.width = "100%";
  el.style.height = "100%";
  host.appendChild(el);
  const message = document.createElement("div");
  message.className = "lg-webgl-message";
  message.setAttribute("role", "status");
  // The kit's class sets display: grid, which would override the hidden attribute.
  message.style.display = "none";
  const canvas = document.createElement("canvas");
  canvas.style.display = "block";
  canvas.style.width = "100%";
  canvas.style.height = "100%";
  canvas.style.touchAction = "none";
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", opts.label);
  el.append(canvas, message);

  const showMessage = (text: string | null) => {
    message.style.display = text === null ? "none" : "";
    message.textContent = text ?? "";
  };

  const renderer = startRenderer(canvas);
  if (!renderer) {
    canvas.remove();
    showMessage(
      "The 3-D view needs WebGL 2, which is not available in this browser. The contour view shows the same function and path.",
    );
    return {
      el,
      available: false,
      setSurface() {},
      setPaths() {},
      setMarkers() {},
      setPalette() {},
      resize() {},
      render() {},
      dispose() {
        el.remove();
      },
    };
  }
  const r: WebGLRenderer = renderer;

  const scene = new Scene();
  const camera = new PerspectiveCamera(30, 1, 0.05, 100);
  camera.up.set(0, 0, 1);
  camera.position.set(2.6, -3.6, 2.6);
  const target = new Vector3(0, 0, HEIGHT * 0.35);
  camera.lookAt(target);
  const controls = new OrbitControls(camera, canvas);
  controls.target.copy(target);
  controls.enablePan = false;
  controls.minDistance = 1.5;
  controls.maxDistance = 12;
  controls.maxPolarAngle = Math.PI * 0.49;
  controls.update();
  let userMoved = false;

  /**
   * GPU-backed resources. Materials live as long as the view (a new material would recompile its
   * shader); geometry is replaced when the function changes. After a context loss every one of
   * them is dropped without dispose() (their GL objects died with the context) and made anew.
   */
  interface Resources {
    markerGeom: SphereGeometry;
    dotMap: CanvasTexture;
    surfaceMat: MeshBasicMaterial;
    wireMat: LineBasicMaterial;
  }
  const makeResources = (): Resources => ({
    markerGeom: new SphereGeometry(1, 20, 14),
    dotMap: dotTexture(),
    surfaceMat: new MeshBasicMaterial({
      vertexColors: true,
      side: DoubleSide,
      polygonOffset: true,
      polygonOffsetFactor: 1,
      polygonOffsetUnits: 1,
    }),
    wireMat: new LineBasicMaterial({ transparent: true, opacity: 0.35 }),
  });
  let res = makeResources();

  let spec: SurfaceSpec | null = null;
  let palette: Palette | null = null;
  let surface: Mesh | null = null;
  let wires: LineSegments | null = null;
  let heights: { min: number; max: number } = { min: 0, max: 1 };
  let scale = 1;
  let centre: P2 = [0, 0];
  let markers: Mesh[] = [];
  let markerSpec: readonly SurfaceMarker[] = [];
  let slots: PathSlot[] = [];
  let pathSpec: readonly SurfacePath[] = [];
  let width = 300;
  let height = 200;
  let lost = false;
  let disposed = false;
  let raf = 0;

  const color = (hex: string) => new Color().setStyle(hex);

  /** World position of a math point with height value h(f). */
  function world(x: number, y: number, hv: number, out: Float32Array, i: number): void {
    const span = heights.max - heights.min || 1;
    const z = (Math.min(Math.max(hv, heights.min), heights.max + span * 0.05) - heights.min) / span;
    out[i] = (x - centre[0]) * scale;
    out[i + 1] = (y - centre[1]) * scale;
    out[i + 2] = z * HEIGHT;
  }

  /** Removes an object and frees its own geometry and material (never the shared ones). */
  function disposeObject(o: Object3D | null): void {
    if (!o) return;
    o.removeFromParent();
    const own = o as Object3D & { geometry?: BufferGeometry; material?: Material | Material[] };
    if (own.geometry && own.geometry !== res.markerGeom) own.geometry.dispose();
    const mats = Array.isArray(own.material) ? own.material : own.material ? [own.material] : [];
    for (const m of mats) if (m !== res.surfaceMat && m !== res.wireMat) m.dispose();
  }

  /**
   * The surface's colours: height picks a tint between two theme colours, and the shading of an
   * ambient light and a sun (Lambert's law, as three's MeshLambertMaterial computes it) is baked
   * into each vertex. A basic material then draws the mesh: the light is fixed in the world, so
   * turning the view changes nothing, and a software rasteriser spends far less per pixel.
   */
  function surfaceColors(geom: BufferGeometry, zs: Float32Array, p: Palette): void {
    const col = geom.getAttribute("color") as BufferAttribute;
    const normal = geom.getAttribute("normal") as BufferAttribute;
    const low = color(mixColor(p.bg, p.accent, p.theme === "dark" ? 0.75 : 0.62));
    const high = color(mixColor(p.bg, p.accent, p.theme === "dark" ? 0.2 : 0.1));
    const c = new Color();
    for (let i = 0; i < zs.length; i++) {
      const t = Math.pow(zs[i], 0.6);
      c.copy(low).lerp(high, t);
      // A height field seen from above shows its upper side: normals are taken facing up.
      let d = normal.getX(i) * SUN[0] + normal.getY(i) * SUN[1] + normal.getZ(i) * SUN[2];
      if (normal.getZ(i) < 0) d = -d;
      c.multiplyScalar((AMBIENT + SUN_INTENSITY * Math.max(0, d)) / Math.PI);
      col.setXYZ(i, c.r, c.g, c.b);
    }
    col.needsUpdate = true;
  }

  function buildSurface(): void {
    if (!spec || !palette) return;
    const { box, f, height: hf } = spec;
    // A software rasteriser's time goes on triangle setup (18 432 triangles at 96 cells took
    // 12–16 ms a frame on SwiftShader, 4–5 ms at 48). Shaded per vertex, the coarser mesh looks
    // the same at these sizes; paths are draped from f itself and lie on either.
    const n = spec.cells ?? (softwareGl() ? 48 : 96);
    const w = box.x[1] - box.x[0];
    const h = box.y[1] - box.y[0];
    scale = 2 / Math.max(w, h);
    centre = [(box.x[0] + box.x[1]) / 2, (box.y[0] + box.y[1]) / 2];
    const nv = (n + 1) * (n + 1);
    const hv = new Float64Array(nv);
    let min = Infinity;
    let max = -Infinity;
    for (let j = 0; j <= n; j++)
      for (let i = 0; i <= n; i++) {
        const v = hf(f([box.x[0] + (i * w) / n, box.y[0] + (j * h) / n]));
        hv[j * (n + 1) + i] = v;
        if (Number.isFinite(v)) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
    if (!(max > min)) max = min + 1;
    heights = { min, max };
    const pos = new Float32Array(nv * 3);
    const zs = new Float32Array(nv);
    for (let j = 0; j <= n; j++)
      for (let i = 0; i <= n; i++) {
        const k = j * (n + 1) + i;
        const v = Number.isFinite(hv[k]) ? hv[k] : max;
        world(box.x[0] + (i * w) / n, box.y[0] + (j * h) / n, v, pos, 3 * k);
        zs[k] = pos[3 * k + 2] / HEIGHT;
      }
    const index = new Uint32Array(6 * n * n);
    for (let j = 0, q = 0; j < n; j++)
      for (let i = 0; i < n; i++, q += 6) {
        const a = j * (n + 1) + i;
        index.set([a, a + 1, a + n + 2, a, a + n + 2, a + n + 1], q);
      }
    const geom = new BufferGeometry();
    geom.setAttribute("position", new BufferAttribute(pos, 3));
    geom.setAttribute("color", new BufferAttribute(new Float32Array(nv * 3), 3));
    geom.setIndex(new BufferAttribute(index, 1));
    geom.computeVertexNormals();
    surfaceColors(geom, zs, palette);
    geom.userData.zs = zs;
    if (surface) {
      surface.geometry.dispose();
      surface.geometry = geom;
    } else {
      surface = new Mesh(geom, res.surfaceMat);
      scene.add(surface);
    }

    // A coarse grid of lines on the surface, so its shape reads at any angle.
    const every = Math.max(1, Math.round(n / 12));
    const lp: number[] = [];
    for (let j = 0; j <= n; j += every)
      for (let i = 0; i < n; i++) {
        const a = 3 * (j * (n + 1) + i);
        lp.push(pos[a], pos[a + 1], pos[a + 2] + 0.002, pos[a + 3], pos[a + 4], pos[a + 5] + 0.002);
      }
    for (let i = 0; i <= n; i += every)
      for (let j = 0; j < n; j++) {
        const a = 3 * (j * (n + 1) + i);
        const b = 3 * ((j + 1) * (n + 1) + i);
        lp.push(pos[a], pos[a + 1], pos[a + 2] + 0.002, pos[b], pos[b + 1], pos[b + 2] + 0.002);
      }
    const wg = new BufferGeometry();
    wg.setAttribute("position", new BufferAttribute(new Float32Array(lp), 3));
    if (wires) {
      wires.geometry.dispose();
      wires.geometry = wg;
    } else {
      wires = new LineSegments(wg, res.wireMat);
      scene.add(wires);
    }
    styleWires();
  }

  function styleWires(): void {
    if (palette) res.wireMat.color = color(mixColor(palette.bg, palette.fg, 0.55));
  }

  /** World units per CSS pixel at the default camera distance (what fitCamera sets). */
  function worldPerPixel(): number {
    const fov = (camera.fov * Math.PI) / 180;
    return (2 * defaultDistance() * Math.tan(fov / 2)) / Math.max(1, height);
  }

  /**
   * Writes the quad of segment a→b (seg = [ax, ay, az, bx, by, bz]) at buf[at…at+18): its width
   * is across the segment's direction in the xy-plane, so it lies along the surface.
   */
  function ribbon(buf: Float32Array, at: number, seg: Float32Array, half: number): void {
    const dx = seg[3] - seg[0];
    const dy = seg[4] - seg[1];
    const len = Math.hypot(dx, dy);
    // A vertical step (the same x, y) has no across direction; it collapses to nothing.
    const nx = len > 0 ? (-dy / len) * half : 0;
    const ny = len > 0 ? (dx / len) * half : 0;
    // Triangles (a+, a−, b+) and (b+, a−, b−); ± is the side of the segment.
    for (let c = 0; c < 6; c++) {
      const end = c === 0 || c === 1 || c === 4 ? 0 : 3;
      const side = c === 0 || c === 2 || c === 3 ? 1 : -1;
      const i = at + 3 * c;
      buf[i] = seg[end] + side * nx;
      buf[i + 1] = seg[end + 1] + side * ny;
      buf[i + 2] = seg[end + 2];
    }
  }

  function newSlot(capacity: number, dotCapacity: number): PathSlot {
    const geom = emptyGeometry(capacity * RIBBON_FLOATS);
    // Drawn over the surface it lies on (whose own offset pushes it back).
    const mat = new MeshBasicMaterial({
      color: 0x000000,
      side: DoubleSide,
      polygonOffset: true,
      polygonOffsetFactor: -2,
      polygonOffsetUnits: -2,
    });
    const line = new Mesh(geom, mat);
    line.frustumCulled = false;
    const dotGeom = emptyGeometry(dotCapacity * 3);
    const dotMat = new PointsMaterial({
      size: 6,
      sizeAttenuation: false,
      map: res.dotMap,
      alphaTest: 0.5,
    });
    const dots = new Points(dotGeom, dotMat);
    dots.frustumCulled = false;
    scene.add(line, dots);
    return {
      line,
      geom,
      mat,
      capacity,
      dots,
      dotGeom,
      dotMat,
      dotCapacity,
      segEnd: new Int32Array(0),
      dotEnd: new Int32Array(0),
      points: null,
    };
  }

  /**
   * Gives a slot bigger buffers when a longer path needs them. Only the geometry is replaced: a
   * new material would link its shader program again (on a software renderer, 50–100 ms).
   */
  function growSlot(s: PathSlot, capacity: number, dotCapacity: number): void {
    const bigger = (g: BufferGeometry, floats: number): BufferGeometry => {
      g.dispose();
      return emptyGeometry(floats);
    };
    if (s.capacity < capacity) {
      s.line.geometry = s.geom = bigger(s.geom, capacity * RIBBON_FLOATS);
      s.capacity = capacity;
    }
    if (s.dotCapacity < dotCapacity) {
      s.dots.geometry = s.dotGeom = bigger(s.dotGeom, dotCapacity * 3);
      s.dotCapacity = dotCapacity;
    }
  }

  function disposeSlot(s: PathSlot): void {
    disposeObject(s.line);
    disposeObject(s.dots);
  }

  /** Rewrites a slot's buffers for a path (in place; a bigger buffer only when it overflows). */
  function fillSlot(index: number, path: SurfacePath): void {
    if (!spec) return;
    const { box, f, height: hf } = spec;
    const pts = path.points;
    const n = pts.length;
    // Worst case: every segment subdivided MAX_SUB times.
    const need = Math.max(1, (n - 1) * MAX_SUB);
    const cap = Math.max(1024, 2 ** Math.ceil(Math.log2(need)));
    const dotCap = Math.max(1024, 2 ** Math.ceil(Math.log2(Math.max(1, n))));
    let s = slots[index];
    if (!s) s = slots[index] = newSlot(cap, dotCap);
    else growSlot(s, cap, dotCap);
    const pos = s.geom.getAttribute("position") as BufferAttribute;
    const buf = pos.array as Float32Array;
    const half = (path.width / 2) * worldPerPixel();
    const dotBuf = (s.dotGeom.getAttribute("position") as BufferAttribute).array as Float32Array;
    const segEnd = new Int32Array(n);
    const dotEnd = new Int32Array(n);
    let seg = 0;
    let dot = 0;
    const tmp = new Float32Array(6);
    const span = Math.max(box.x[1] - box.x[0], box.y[1] - box.y[0]);
    const inBox = (x: number, y: number) =>
      x >= box.x[0] && x <= box.x[1] && y >= box.y[0] && y <= box.y[1];
    for (let k = 0; k < n; k++) {
      const p = pts[k];
      const pIn = inBox(p[0], p[1]);
      if (pIn) {
        world(p[0], p[1], hf(path.values[k]), dotBuf, 3 * dot);
        dotBuf[3 * dot + 2] += LIFT;
        dot++;
      }
      if (k > 0) {
        const a = pts[k - 1];
        // Both ends inside: no clipping needed (the common case).
        const clip = pIn && inBox(a[0], a[1]) ? FULL : clipSegment(a, p, box);
        if (clip) {
          const dx = p[0] - a[0];
          const dy = p[1] - a[1];
          const len = Math.hypot(dx, dy) * (clip[1] - clip[0]);
          // Long segments are draped over the surface: points between iterates follow f.
          const sub = Math.min(MAX_SUB, Math.max(1, Math.ceil((len / span) * 48)));
          let have = false;
          for (let q = 0; q <= sub; q++) {
            const t = clip[0] + ((clip[1] - clip[0]) * q) / sub;
            const x = a[0] + dx * t;
            const y = a[1] + dy * t;
            // The iterates' own heights come from the run's values; points between from f.
            const v = t === 0 ? path.values[k - 1] : t === 1 ? path.values[k] : f([x, y]);
            world(x, y, hf(v), tmp, 3);
            tmp[5] += LIFT;
            if (have && Number.isFinite(tmp[5]) && Number.isFinite(tmp[2])) {
              ribbon(buf, RIBBON_FLOATS * seg, tmp, half);
              seg++;
            }
            tmp[0] = tmp[3];
            tmp[1] = tmp[4];
            tmp[2] = tmp[5];
            have = true;
          }
        }
      }
      segEnd[k] = seg;
      dotEnd[k] = dot;
    }
    pos.needsUpdate = true;
    (s.dotGeom.getAttribute("position") as BufferAttribute).needsUpdate = true;
    s.segEnd = segEnd;
    s.dotEnd = dotEnd;
    s.points = pts;
  }

  function revealSlot(s: PathSlot, path: SurfacePath): void {
    const k = Math.min(path.count, s.segEnd.length) - 1;
    s.geom.setDrawRange(0, k >= 0 ? s.segEnd[k] * 6 : 0);
    s.dotGeom.setDrawRange(0, k >= 0 ? s.dotEnd[k] : 0);
    s.mat.color = color(path.color);
    s.dotMat.color = color(path.color);
    s.dotMat.size = Math.max(4, path.width * 1.9);
    // Long runs would bury the surface under dots; keep them for the first iterates only.
    s.dots.visible = path.count <= 160;
  }

  /** Markers are two small spheres made once and only moved (a new material would recompile). */
  function placeMarkers(): void {
    while (markers.length < markerSpec.length) {
      const m = new Mesh(res.markerGeom, new MeshBasicMaterial());
      m.scale.setScalar(0.035);
      scene.add(m);
      markers.push(m);
    }
    markers.forEach((m, i) => {
      const mk = markerSpec[i];
      const box = spec?.box;
      if (!mk || !spec || !box) {
        m.visible = false;
        return;
      }
      const [x, y] = mk.at;
      m.visible = x >= box.x[0] && x <= box.x[1] && y >= box.y[0] && y <= box.y[1];
      if (!m.visible) return;
      const v = new Float32Array(3);
      world(x, y, spec.height(spec.f([x, y])), v, 0);
      m.position.set(v[0], v[1], v[2] + LIFT);
      (m.material as MeshBasicMaterial).color = color(mk.color);
    });
  }

  function applyPaths(): void {
    while (slots.length > pathSpec.length) {
      const s = slots.pop();
      if (s) disposeSlot(s);
    }
    pathSpec.forEach((path, i) => {
      if (!slots[i] || slots[i].points !== path.points) fillSlot(i, path);
      revealSlot(slots[i], path);
    });
  }

  function rebuildAll(): void {
    buildSurface();
    applyPaths();
    placeMarkers();
  }

  /** After a context loss: drop every GPU-backed object unfreed, then build them all again. */
  function recreateAll(): void {
    for (const o of [surface, wires, ...markers, ...slots.flatMap((sl) => [sl.line, sl.dots])])
      o?.removeFromParent();
    surface = null;
    wires = null;
    markers = [];
    slots = [];
    res = makeResources();
    styleWires();
    rebuildAll();
  }

  const draw = warmRenderer(r, scene, camera);
  function render(): void {
    if (disposed || lost) return;
    draw.render();
  }
  function scheduleRender(): void {
    if (raf || disposed) return;
    raf = requestAnimationFrame(() => {
      raf = 0;
      render();
    });
  }
  controls.addEventListener("change", () => {
    userMoved = true;
    scheduleRender();
  });

  function onLost(e: Event): void {
    e.preventDefault();
    lost = true;
    showMessage(
      "The 3-D view lost its graphics context. Restoring it… (the contour view still works)",
    );
  }
  function onRestored(): void {
    lost = false;
    draw.rewarm();
    showMessage(null);
    // three re-initialises its own GL state on restore; ours is rebuilt from the last specs.
    recreateAll();
    render();
  }
  canvas.addEventListener("webglcontextlost", onLost);
  canvas.addEventListener("webglcontextrestored", onRestored);

  function setPalette(p: Palette): void {
    const changed =
      !palette || palette.bg !== p.bg || palette.accent !== p.accent || palette.fg !== p.fg;
    palette = p;
    if (!changed) return;
    r.setClearColor(color(p.bg));
    if (surface) surfaceColors(surface.geometry, surface.geometry.userData.zs as Float32Array, p);
    styleWires();
  }

  function defaultDistance(): number {
    return 5.2 * Math.max(1, 1.15 / (width / Math.max(1, height)));
  }

  function fitCamera(): void {
    if (userMoved) return;
    const dist = defaultDistance();
    const dir = new Vector3(0.55, -0.76, 0.6).normalize();
    camera.position.copy(target).addScaledVector(dir, dist);
    controls.update();
    userMoved = false;
  }

  return {
    el,
    available: true,
    setSurface(next, p) {
      setPalette(p);
      if (spec && spec.key === next.key) return;
      spec = next;
      // While the context is lost, the restore rebuilds from this spec.
      if (!lost) rebuildAll();
    },
    setPaths(paths) {
      pathSpec = paths;
      if (!lost) applyPaths();
    },
    setMarkers(next) {
      markerSpec = next;
      if (!lost) placeMarkers();
    },
    setPalette,
    resize(w, h) {
      width = Math.max(10, Math.floor(w));
      height = Math.max(10, Math.floor(h));
      r.setSize(width, height, false);
      draw.rewarm();
      camera.aspect = width / height;
      camera.updateProjectionMatrix();
      fitCamera();
      // Ribbon widths are set in pixels of the default view, which the new size changes.
      if (!lost && slots.length) applyPaths();
    },
    render,
    dispose() {
      if (disposed) return;
      disposed = true;
      if (raf) cancelAnimationFrame(raf);
      controls.dispose();
      canvas.removeEventListener("webglcontextlost", onLost);
      canvas.removeEventListener("webglcontextrestored", onRestored);
      disposeObject(surface);
      disposeObject(wires);
      for (const m of markers) disposeObject(m);
      for (const s of slots) disposeSlot(s);
      for (const r of Object.values(res)) r.dispose();
      r.dispose();
      r.forceContextLoss();
      el.remove();
    },
  };
}
