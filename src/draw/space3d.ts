// A 3-D space in math units (z up) for scenes that show maps of ℝ³: one WebGLRenderer per scene,
// a perspective camera with OrbitControls, axes with labels, a floor grid, thick segments and
// arrows, and HTML labels pinned to 3-D points. Frames are rendered on demand only (after a
// change or a camera move), never by an idle loop. A lost WebGL context shows a message and is
// rebuilt when it comes back; where WebGL is missing the space says so plainly.
import {
  AmbientLight,
  Color,
  ConeGeometry,
  CylinderGeometry,
  DirectionalLight,
  GridHelper,
  Group,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  Quaternion,
  Scene,
  SphereGeometry,
  Vector3,
  type Material,
  type Object3D,
} from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import type { Palette } from "../kit/scene";
import { startRenderer, warmRenderer } from "./webgl";

export type P3 = readonly [number, number, number];

export interface Space3dOptions {
  /** Aria label of the figure. */
  label: string;
  /** Half-width of the region the camera frames and the axes span, in math units. */
  extent: number;
  /** Called after a lost WebGL context is restored: rebuild what the scene drew. */
  onRestore?(): void;
}

/** A thick line segment (a cylinder), for edges and column-space lines that must read at 1 px. */
export interface Segment {
  object: Mesh;
  set(from: P3, to: P3, radius: number, color: string, opacity?: number): void;
  hide(): void;
}

/** An arrow from a point to a point: a cylinder shaft and a cone head of fixed proportions. */
export interface Arrow3 {
  object: Group;
  set(from: P3, to: P3, radius: number, color: string): void;
  hide(): void;
}

/** A ball at a point (the image of a rank-0 map, a marked point). */
export interface Ball {
  object: Mesh;
  set(at: P3, radius: number, color: string): void;
  hide(): void;
}

/** An HTML label anchored at a 3-D point; text only, never markup. */
export interface Label3 {
  set(at: P3 | null, text: string, color: string): void;
}

export interface Space3d {
  /** False when WebGL is unavailable: the space shows a message and draws nothing. */
  readonly ok: boolean;
  readonly scene: Scene;
  readonly camera: PerspectiveCamera;
  /** The group a scene adds its objects to; cleared (and disposed) by clear(). */
  readonly world: Group;
  /** Renders now (and repositions labels). */
  render(): void;
  /** Renders on the next animation frame, coalesced. */
  requestRender(): void;
  resize(width: number, height: number): void;
  /** Background, axes, grid and label halo in the palette's colours. */
  setPalette(p: Palette): void;
  segment(): Segment;
  arrow(): Arrow3;
  ball(): Ball;
  label(): Label3;
  /** Tracks a geometry, material or texture for disposal with the space. */
  track<T extends { dispose(): void }>(x: T): T;
  /** Disposes everything in `world` and its labels, so a scene can rebuild from scratch. */
  clear(): void;
  /** Moves the point the camera orbits about (and resets the view to it). */
  setTarget(at: P3): void;
  /** Back to the starting camera. */
  resetView(): void;
  /** Shows or hides a message over the figure (context lost, no WebGL). */
  message(text: string | null): void;
  dispose(): void;
}

const UP = new Vector3(0, 1, 0);

/** Creates the space inside `host` (position: relative is set on a wrapper, not on host). */
export function createSpace3d(host: HTMLElement, opts: Space3dOptions): Space3d {
  const wrap = document.createElement("div");
  wrap.className = "lg-space3d";
  Object.assign(wrap.style, { position: "absolute", inset: "0", overflow: "hidden" });
  host.appendChild(wrap);
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", opts.label);
  Object.assign(canvas.style, {
    display: "block",
    width: "100%",
    height: "100%",
    touchAction: "none",
  });
  wrap.appendChild(canvas);
  const labelLayer = document.createElement("div");
  Object.assign(labelLayer.style, { position: "absolute", inset: "0", pointerEvents: "none" });
  labelLayer.setAttribute("aria-hidden", "true");
  wrap.appendChild(labelLayer);
  const note = document.createElement("div");
  note.className = "lg-webgl-message";
  note.setAttribute("role", "status");
  // Toggled by style, not `hidden`: the shared class sets a display that would override it.
  note.style.display = "none";
  wrap.appendChild(note);

  const scene = new Scene();
  const camera = new PerspectiveCamera(38, 1, 0.05, 200);
  camera.up.set(0, 0, 1);
  const world = new Group();
  scene.add(world);
  const ambient = new AmbientLight(0xffffff, 1.6);
  const sun = new DirectionalLight(0xffffff, 1.8);
  sun.position.set(0.5, 0.3, 1);
  // The light rides with the camera, so faces read the same from every side.
  camera.add(sun);
  scene.add(ambient, camera);

  const tracked = new Set<{ dispose(): void }>();
  const track = <T extends { dispose(): void }>(x: T): T => (tracked.add(x), x);
  const unitCylinder = track(new CylinderGeometry(1, 1, 1, 14, 1).translate(0, 0.5, 0));
  const unitCone = track(new ConeGeometry(1, 1, 18, 1).translate(0, 0.5, 0));
  const unitSphere = track(new SphereGeometry(1, 20, 14));

  const renderer = startRenderer(canvas);
  const ok = renderer !== null;
  const showMessage = (text: string | null) => {
    note.style.display = text === null ? "none" : "";
    note.textContent = text ?? "";
  };
  if (!ok)
    showMessage(
      "This 3-D view needs WebGL 2, which this browser or device does not provide (or has turned off). The readouts, formulas and controls still work.",
    );

  const controls = new OrbitControls(camera, canvas);
  controls.enableDamping = false;
  controls.minDistance = opts.extent * 0.8;
  controls.maxDistance = opts.extent * 12;

  const target = new Vector3(0, 0, 0);
  let width = 300;
  let height = 300;
  let raf = 0;
  let lost = false;
  let disposed = false;
  const draw = renderer ? warmRenderer(renderer, scene, camera) : null;
  const labels: { el: HTMLSpanElement; at: P3 | null; axis: boolean }[] = [];
  let grid: GridHelper | null = null;
  const axes = { x: null as Arrow3 | null, y: null as Arrow3 | null, z: null as Arrow3 | null };
  const axisLabels: Label3[] = [];

  function placeLabels(): void {
    const v = new Vector3();
    for (const l of labels) {
      if (!l.at || !l.el.textContent) {
        l.el.style.display = "none";
        continue;
      }
      v.set(l.at[0], l.at[1], l.at[2]).project(camera);
      if (!(v.z < 1) || !Number.isFinite(v.x) || !Number.isFinite(v.y)) {
        l.el.style.display = "none";
        continue;
      }
      l.el.style.display = "";
      l.el.style.transform = `translate(${(((v.x + 1) / 2) * width).toFixed(1)}px, ${(((1 - v.y) / 2) * height).toFixed(1)}px) translate(6px, -50%)`;
    }
  }

  function render(): void {
    if (disposed) return;
    if (raf) {
      cancelAnimationFrame(raf);
      raf = 0;
    }
    if (!lost) draw?.render();
    placeLabels();
  }
  function requestRender(): void {
    if (raf || disposed) return;
    raf = requestAnimationFrame(() => {
      raf = 0;
      render();
    });
  }
  controls.addEventListener("change", requestRender);

  function resetView(): void {
    const dir = new Vector3(1.15, -1.55, 0.95).normalize();
    const r = opts.extent * Math.sqrt(3);
    const fov = (camera.fov * Math.PI) / 180;
    // Fit the bounding sphere in the narrower of the two fields of view.
    const half = Math.min(fov / 2, Math.atan(Math.tan(fov / 2) * camera.aspect));
    // A tall (phone) view is framed a little wider: its narrow horizontal field decides.
    const fill = camera.aspect < 1 ? 0.92 : 0.78;
    camera.position.copy(dir.multiplyScalar((r / Math.sin(half)) * fill).add(target));
    controls.target.copy(target);
    controls.update();
  }

  function onLost(e: Event): void {
    e.preventDefault();
    lost = true;
    showMessage(
      "The graphics context was lost (the GPU was reset or is busy). Waiting for it to come back…",
    );
  }
  function onRestored(): void {
    lost = false;
    draw?.rewarm();
    showMessage(null);
    opts.onRestore?.();
    requestRender();
  }
  canvas.addEventListener("webglcontextlost", onLost);
  canvas.addEventListener("webglcontextrestored", onRestored);

  const colorOf = (c: string) => new Color(c);

  function makeSegment(parent: Object3D): Segment {
    const mat = new MeshLambertMaterial({ color: 0x888888 });
    const mesh = new Mesh(unitCylinder, mat);
    parent.add(mesh);
    const a = new Vector3();
    const b = new Vector3();
    return {
      object: mesh,
      set(from, to, radius, color, opacity = 1) {
        a.set(from[0], from[1], from[2]);
        b.set(to[0], to[1], to[2]).sub(a);
        const len = b.length();
        mesh.visible = Number.isFinite(len) && len > 1e-9;
        if (!mesh.visible) return;
        mesh.position.copy(a);
        mesh.quaternion.setFromUnitVectors(UP, b.divideScalar(len));
        mesh.scale.set(radius, len, radius);
        mat.color.set(colorOf(color));
        mat.transparent = opacity < 1;
        mat.opacity = opacity;
      },
      hide() {
        mesh.visible = false;
      },
    };
  }

  function makeArrow(parent: Object3D): Arrow3 {
    const mat = new MeshLambertMaterial({ color: 0x888888 });
    const g = new Group();
    const shaft = new Mesh(unitCylinder, mat);
    const head = new Mesh(unitCone, mat);
    g.add(shaft, head);
    parent.add(g);
    const a = new Vector3();
    const d = new Vector3();
    const q = new Quaternion();
    return {
      object: g,
      set(from, to, radius, color) {
        a.set(from[0], from[1], from[2]);
        d.set(to[0] - from[0], to[1] - from[1], to[2] - from[2]);
        const len = d.length();
        g.visible = Number.isFinite(len) && len > 1e-6;
        if (!g.visible) return;
        const headLen = Math.min(len * 0.45, radius * 7);
        g.position.copy(a);
        g.quaternion.copy(q.setFromUnitVectors(UP, d.divideScalar(len)));
        shaft.scale.set(radius, len - headLen, radius);
        head.position.set(0, len - headLen, 0);
        head.scale.set(radius * 2.6, headLen, radius * 2.6);
        mat.color.set(colorOf(color));
      },
      hide() {
        g.visible = false;
      },
    };
  }

  function makeBall(parent: Object3D): Ball {
    const mat = new MeshLambertMaterial({ color: 0x888888 });
    const mesh = new Mesh(unitSphere, mat);
    parent.add(mesh);
    return {
      object: mesh,
      set(at, radius, color) {
        mesh.visible = at.every(Number.isFinite);
        mesh.position.set(at[0], at[1], at[2]);
        mesh.scale.setScalar(radius);
        mat.color.set(colorOf(color));
      },
      hide() {
        mesh.visible = false;
      },
    };
  }

  function makeLabel(axis = false): Label3 {
    const el = document.createElement("span");
    Object.assign(el.style, {
      position: "absolute",
      left: "0",
      top: "0",
      whiteSpace: "nowrap",
      fontWeight: "600",
      fontSize: "0.85em",
    });
    labelLayer.appendChild(el);
    const entry = { el, at: null as P3 | null, axis };
    labels.push(entry);
    return {
      set(at, text, color) {
        entry.at = at;
        el.textContent = text;
        el.style.color = color;
      },
    };
  }

  function disposeObject(o: Object3D): void {
    o.traverse((child) => {
      const m = child as Mesh;
      if (m.geometry && !tracked.has(m.geometry)) m.geometry.dispose();
      const mat = m.material as Material | Material[] | undefined;
      if (Array.isArray(mat)) mat.forEach((x) => x.dispose());
      else mat?.dispose();
    });
  }

  function setPalette(p: Palette): void {
    renderer?.setClearColor(colorOf(p.bg), 1);
    const e = opts.extent;
    if (grid) {
      scene.remove(grid);
      disposeObject(grid);
    }
    grid = new GridHelper(2 * e, 2 * e, colorOf(p.grid), colorOf(p.grid));
    grid.rotation.x = Math.PI / 2;
    scene.add(grid);
    const axisColor = p.muted;
    const r = 0.005 * e * (p.lineWidth / 2);
    axes.x ??= makeArrow(scene);
    axes.y ??= makeArrow(scene);
    axes.z ??= makeArrow(scene);
    axes.x.set([-e, 0, 0], [e * 1.08, 0, 0], r, axisColor);
    axes.y.set([0, -e, 0], [0, e * 1.08, 0], r, axisColor);
    axes.z.set([0, 0, -e], [0, 0, e * 1.08], r, axisColor);
    if (!axisLabels.length) axisLabels.push(makeLabel(true), makeLabel(true), makeLabel(true));
    axisLabels[0].set([e * 1.12, 0, 0], "x", axisColor);
    axisLabels[1].set([0, e * 1.12, 0], "y", axisColor);
    axisLabels[2].set([0, 0, e * 1.12], "z", axisColor);
    labelLayer.style.fontSize = `${p.fontSize}px`;
    // A halo in the background colour, so labels read over lines and faces.
    labelLayer.style.textShadow = `0 0 3px ${p.bg}, 0 0 3px ${p.bg}, 0 0 2px ${p.bg}`;
  }

  resetView();

  return {
    ok,
    scene,
    camera,
    world,
    render,
    requestRender,
    resize(w, h) {
      width = Math.max(50, w);
      height = Math.max(50, h);
      camera.aspect = width / height;
      camera.updateProjectionMatrix();
      renderer?.setSize(width, height, false);
      draw?.rewarm();
      resetView();
    },
    setPalette,
    segment: () => makeSegment(world),
    arrow: () => makeArrow(world),
    ball: () => makeBall(world),
    label: () => makeLabel(),
    track,
    clear() {
      for (const child of [...world.children]) {
        world.remove(child);
        disposeObject(child);
      }
      // Keep the axis labels; drop the scene's own.
      for (const l of labels.filter((x) => !x.axis)) l.el.remove();
      labels.splice(0, labels.length, ...labels.filter((x) => x.axis));
    },
    setTarget(at) {
      target.set(at[0], at[1], at[2]);
      resetView();
    },
    resetView() {
      resetView();
      requestRender();
    },
    message: showMessage,
    dispose() {
      if (disposed) return;
      disposed = true;
      if (raf) cancelAnimationFrame(raf);
      controls.removeEventListener("change", requestRender);
      controls.dispose();
      canvas.removeEventListener("webglcontextlost", onLost);
      canvas.removeEventListener("webglcontextrestored", onRestored);
      scene.traverse((o) => {
        if (o !== scene) disposeObject(o);
      });
      for (const t of tracked) t.dispose();
      tracked.clear();
      if (renderer) {
        renderer.dispose();
        // Frees the context now rather than at garbage collection (browsers cap live contexts).
        renderer.forceContextLoss();
      }
      wrap.remove();
    },
  };
}
