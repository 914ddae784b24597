// How every 3-D view starts three.js on its canvas. The context is asked for here, so a browser
// without WebGL 2 gets a message rather than an exception. On a software rasteriser (SwiftShader,
// llvmpipe: a machine whose GPU is missing or blocklisted) the view draws without multisampling,
// at one pixel per CSS pixel: antialiased at full resolution such a renderer holds the page's main
// thread for 50–150 ms a frame, and a slider stops following the hand. A real GPU keeps both.
import { WebGLRenderer, type Camera, type Material, type Object3D } from "three";

let software: boolean | null = null;

/** True when WebGL runs on the CPU. Probed once, on a throwaway canvas that is released. */
export function softwareGl(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    if (gl) {
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
      software = /swiftshader|llvmpipe|softpipe|software/i.test(name);
      gl.getExtension("WEBGL_lose_context")?.loseContext();
    }
  } catch {
    // No WebGL at all: startRenderer says so.
  }
  return software;
}

/** A three.js renderer on `canvas`, or null where WebGL 2 is missing or refuses to start. */
export function startRenderer(canvas: HTMLCanvasElement): WebGLRenderer | null {
  const soft = softwareGl();
  let gl: WebGL2RenderingContext | null = null;
  try {
    gl = canvas.getContext("webgl2", { antialias: !soft, alpha: false });
  } catch {
    gl = null;
  }
  if (!gl) return null;
  try {
    const r = new WebGLRenderer({ canvas, context: gl, antialias: !soft });
    r.setPixelRatio(soft ? 1 : Math.min(window.devicePixelRatio || 1, 2));
    return r;
  } catch {
    return null;
  }
}

/**
 * Renders `scene` with every object shown, opaque and then see-through, and then as it is. A
 * renderer prepares its shaders, and a software rasteriser compiles a pipeline, the first time a
 * kind of object is drawn in a given blend state: on SwiftShader 50–130 ms, paid when a slider
 * first made a plane or a faded edge appear. Done on the first frame after a resize, it is paid
 * while the page loads; only the last drawing reaches the screen. Objects drawn here must have
 * some area (a placeholder shape until a scene places them), or nothing is compiled for them.
 */
export function renderWarm(renderer: WebGLRenderer, scene: Object3D, camera: Camera): void {
  const hidden: Object3D[] = [];
  const opaque = new Set<Material>();
  scene.traverse((o) => {
    if (!o.visible) {
      hidden.push(o);
      o.visible = true;
    }
    const m = (o as Object3D & { material?: Material | Material[] }).material;
    for (const x of Array.isArray(m) ? m : m ? [m] : []) if (!x.transparent) opaque.add(x);
  });
  renderer.render(scene, camera);
  for (const x of opaque) x.transparent = true;
  renderer.render(scene, camera);
  for (const x of opaque) x.transparent = false;
  for (const o of hidden) o.visible = false;
  renderer.render(scene, camera);
}

/**
 * Draws `scene` on demand, warming (renderWarm) on the first frame and on the first frame after
 * `rewarm()`: a resize, which gives the canvas a new drawing buffer, or a restored context.
 */
export function warmRenderer(
  renderer: WebGLRenderer,
  scene: Object3D,
  camera: Camera,
): { render(): void; rewarm(): void } {
  let warm = false;
  return {
    render() {
      if (warm) renderer.render(scene, camera);
      else renderWarm(renderer, scene, camera);
      warm = true;
    },
    rewarm() {
      warm = false;
    },
  };
}
