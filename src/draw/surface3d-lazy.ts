// The 3-D surface, fetched only when it is wanted and never before the scene is ready: three.js
// is about 130 KB gzip, most of a 3-D page's weight, while the 2-D view beside it (what a person
// drags on) needs none of it. On a phone the surface is a tab of its own, so a student who stays on
// the contours never downloads it. Until it arrives the pane says so; the latest state given to it
// is kept and handed over in one go.
import type { Palette } from "../kit/scene";
import type { Surface3D, SurfaceMarker, SurfacePath, SurfaceSpec } from "./surface3d";

export interface LazySurface3D extends Surface3D {
  /** Fetches three.js and builds the view (once; later calls return the same promise). */
  load(): Promise<void>;
}

/**
 * A Surface3D whose implementation is imported on the first `load()`. `available` is false until
 * it has loaded (and stays false where WebGL is missing); `onLoaded` runs once it is in, so the
 * caller can redraw what depends on it.
 */
export function lazySurface3D(
  host: HTMLElement,
  opts: { label: string },
  onLoaded: () => void,
): LazySurface3D {
  const placeholder = document.createElement("div");
  placeholder.className = "lg-webgl-message";
  placeholder.setAttribute("role", "status");
  placeholder.textContent = "Loading the 3-D view…";
  host.appendChild(placeholder);

  let real: Surface3D | null = null;
  let loading: Promise<void> | null = null;
  let disposed = false;
  // The latest state, replayed into the real view when it arrives.
  let spec: { spec: SurfaceSpec; palette: Palette } | null = null;
  let palette: Palette | null = null;
  let paths: readonly SurfacePath[] = [];
  let markers: readonly SurfaceMarker[] = [];
  let size: [number, number] | null = null;

  const lazy: LazySurface3D = {
    get el() {
      return real?.el ?? placeholder;
    },
    get available() {
      return real?.available ?? false;
    },
    load() {
      loading ??= import("./surface3d").then(({ createSurface3D }) => {
        if (disposed) return;
        placeholder.remove();
        const s = createSurface3D(host, opts);
        real = s;
        if (size) s.resize(size[0], size[1]);
        if (spec) s.setSurface(spec.spec, spec.palette);
        if (palette) s.setPalette(palette);
        s.setPaths(paths);
        s.setMarkers(markers);
        s.render();
        onLoaded();
      });
      return loading;
    },
    setSurface(next, p) {
      spec = { spec: next, palette: p };
      palette = p;
      real?.setSurface(next, p);
    },
    setPaths(next) {
      paths = next;
      real?.setPaths(next);
    },
    setMarkers(next) {
      markers = next;
      real?.setMarkers(next);
    },
    setPalette(p) {
      palette = p;
      real?.setPalette(p);
    },
    resize(width, height) {
      size = [width, height];
      real?.resize(width, height);
    },
    render() {
      real?.render();
    },
    dispose() {
      disposed = true;
      placeholder.remove();
      real?.dispose();
      real = null;
    },
  };
  return lazy;
}
