// What jsdom lacks and a scene page needs, installed once per test file: matchMedia (lil-gui and
// the theme read it), a recording 2D canvas context (jsdom returns null), the dialog methods, and
// requestAnimationFrame where the environment does not pretend to be visual. The recording context
// lets a test assert that no non-finite number ever reached a draw call.

/** One call or property write on a recording context. */
export interface DrawCall {
  name: string;
  args: unknown[];
}

export interface RecordingContext {
  calls: DrawCall[];
  /** Calls and writes that carried NaN or ±Infinity. */
  nonFinite: DrawCall[];
}

/** Every recording context created since install, so a test can inspect what was drawn. */
export const contexts: RecordingContext[] = [];

function finiteArgs(args: unknown[]): boolean {
  return args.every((a) => typeof a !== "number" || Number.isFinite(a));
}

function recordingContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const rec: RecordingContext = { calls: [], nonFinite: [] };
  contexts.push(rec);
  const state: Record<string | symbol, unknown> = { canvas };
  const log = (name: string, args: unknown[]) => {
    const call = { name, args };
    rec.calls.push(call);
    if (!finiteArgs(args)) rec.nonFinite.push(call);
  };
  // Methods that must return something usable; every other method is recorded and returns nothing.
  const returning: Record<string, (...args: unknown[]) => unknown> = {
    measureText: (text) => ({ width: String(text).length * 7, actualBoundingBoxAscent: 8 }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
    createRadialGradient: () => ({ addColorStop: () => undefined }),
    createPattern: () => ({}),
    getImageData: (_x, _y, w, h) => ({
      width: w,
      height: h,
      data: new Uint8ClampedArray(Number(w) * Number(h) * 4),
    }),
    createImageData: (w, h) => ({
      width: w,
      height: h,
      data: new Uint8ClampedArray(Number(w) * Number(h) * 4),
    }),
    getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
    getLineDash: () => [],
    isPointInPath: () => false,
  };
  return new Proxy(state, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (typeof prop !== "string") return undefined;
      const ret = returning[prop];
      return (...args: unknown[]) => {
        log(prop, args);
        return ret ? ret(...args) : undefined;
      };
    },
    set(target, prop, value) {
      target[prop] = value;
      log(`set ${String(prop)}`, [value]);
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

/** Installs the stubs (idempotent). WebGL contexts stay unavailable, as on a machine without it. */
export function installDomStubs(): void {
  const w = window as unknown as Record<string, unknown>;
  if (typeof w.matchMedia !== "function") {
    w.matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    });
  }
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string) {
    return kind === "2d" ? recordingContext(this) : null;
  } as typeof HTMLCanvasElement.prototype.getContext;
  const dialog = HTMLDialogElement.prototype as unknown as Record<string, unknown>;
  if (typeof dialog.showModal !== "function") {
    dialog.showModal = function (this: HTMLDialogElement) {
      this.setAttribute("open", "");
    };
    dialog.show = dialog.showModal;
    dialog.close = function (this: HTMLDialogElement) {
      this.removeAttribute("open");
    };
  }
  // jsdom has no layout: text is measured as 7 px per character, 14 px high.
  const svgProto = SVGElement.prototype as unknown as Record<string, unknown>;
  if (typeof svgProto.getComputedTextLength !== "function")
    svgProto.getComputedTextLength = function (this: SVGElement) {
      return (this.textContent ?? "").length * 7;
    };
  if (typeof svgProto.getBBox !== "function")
    svgProto.getBBox = function (this: SVGElement) {
      return { x: 0, y: 0, width: (this.textContent ?? "").length * 7, height: 14 };
    };
  if (typeof w.requestAnimationFrame !== "function") {
    w.requestAnimationFrame = (cb: (t: number) => void) =>
      setTimeout(() => cb(performance.now()), 16) as unknown as number;
    w.cancelAnimationFrame = (id: number) => clearTimeout(id);
  }
}

/** Resolves after the next animation frame has run (and its microtasks). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Records every listener added to and removed from a target, to prove dispose() removes them. */
export function trackListeners(target: EventTarget): {
  live(): { type: string; listener: unknown }[];
  restore(): void;
} {
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  const live: { type: string; listener: unknown; capture: boolean }[] = [];
  const captureOf = (o: unknown) =>
    typeof o === "boolean" ? o : !!(o as { capture?: boolean } | undefined)?.capture;
  target.addEventListener = function (type, listener, options) {
    // jsdom's selector engine (nwsapi) tracks :hover with its own document listeners: not ours.
    if (new Error().stack?.includes("nwsapi")) return add.call(this, type, listener, options);
    if (
      !live.some(
        (l) => l.type === type && l.listener === listener && l.capture === captureOf(options),
      )
    )
      live.push({ type, listener, capture: captureOf(options) });
    return add.call(this, type, listener, options);
  };
  target.removeEventListener = function (type, listener, options) {
    const i = live.findIndex(
      (l) => l.type === type && l.listener === listener && l.capture === captureOf(options),
    );
    if (i >= 0) live.splice(i, 1);
    return remove.call(this, type, listener, options);
  };
  return {
    live: () => live.map(({ type, listener }) => ({ type, listener })),
    restore() {
      target.addEventListener = add;
      target.removeEventListener = remove;
    },
  };
}
