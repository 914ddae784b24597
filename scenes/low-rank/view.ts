// The picture of low-rank: the image A, its rank-k approximation A_k and the residual A − A_k,
// the singular spectrum on a log scale with the kept part marked, and the energy kept and the
// relative error against k. The SVD runs in a module Web Worker with progress; moving k then
// costs a few rank-one updates from the nearest precomputed checkpoint. A person's own image
// comes in by drag-and-drop or a file picker, downscaled; a bad file gets a clear message and
// the previous image stays.
import "./view.css";
import { createChart, type Chart } from "../../src/draw/chart";
import { observeSizes } from "../../src/draw/sizes";
import { svg } from "../../src/draw/svg";
import { energyKept, lowRankFromCheckpoints, relativeError } from "../../src/core/spectrum";
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import { createDecomposer, type Decomposed } from "./decompose";
import { bundledImage, type Gray } from "./images";
import {
  MAX_SIDE,
  registerUpload,
  type LowRankModel,
  type LowRankParams,
  type params as schema,
} from "./model";

const KEEP_DECOMPOSED = 6;
const NAME_MAX = 40;

interface Entry {
  gray: Gray;
  /** Filled when the worker is done. */
  dec: Decomposed | null;
  /** energy kept and relative error for k = 0 … r, from the core, once per image. */
  curves: { energy: [number, number][]; error: [number, number][] } | null;
}

const shortName = (name: string) =>
  name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name;

function figure(cls: string): {
  fig: HTMLElement;
  canvas: HTMLCanvasElement;
  caption: HTMLElement;
} {
  const fig = document.createElement("figure");
  fig.className = `lr-fig ${cls}`;
  const canvas = document.createElement("canvas");
  canvas.setAttribute("role", "img");
  const caption = document.createElement("figcaption");
  fig.append(canvas, caption);
  return { fig, canvas, caption };
}

const pixelBuffers = new WeakMap<HTMLCanvasElement, ImageData>();

/**
 * Grey values into a canvas of the image's own size (the CSS scales it up, pixelated): shown
 * as gain·v + offset, clamped to black … white. The ImageData is reused between frames.
 */
function paint(
  canvas: HTMLCanvasElement,
  m: number,
  n: number,
  values: Float64Array,
  gain = 1,
  offset = 0,
): void {
  if (canvas.width !== n || canvas.height !== m) {
    canvas.width = n;
    canvas.height = m;
  }
  const g = canvas.getContext("2d");
  if (!g) return;
  let img = pixelBuffers.get(canvas);
  if (!img || img.width !== n || img.height !== m) {
    img = g.createImageData(n, m);
    pixelBuffers.set(canvas, img);
  }
  const px = img.data;
  const k = 255 * gain;
  const o = 255 * offset;
  for (let i = 0, q = 0; i < m * n; i++, q += 4) {
    // Uint8ClampedArray rounds and clamps by itself.
    px[q] = px[q + 1] = px[q + 2] = values[i] * k + o;
    px[q + 3] = 255;
  }
  g.putImageData(img, 0, 0);
}

/** Reads an image file into a grey matrix of at most MAX_SIDE pixels a side. */
async function readImage(file: File): Promise<Gray> {
  const name = `“${shortName(file.name || "the file")}”`;
  if (file.size === 0) throw new Error(`${name} is empty (0 bytes); choose an image file.`);
  if (file.type && !file.type.startsWith("image/"))
    throw new Error(
      `${name} is not an image (${shortName(file.type)}); choose a PNG, JPEG, GIF, WebP or BMP file.`,
    );
  let full: ImageBitmap;
  try {
    full = await createImageBitmap(file);
  } catch {
    throw new Error(
      `${name} could not be read as an image: it may be damaged, too large, or in a format this browser cannot decode.`,
    );
  }
  try {
    const { width, height } = full;
    if (!width || !height) throw new Error(`${name} has no pixels.`);
    const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
    const n = Math.max(1, Math.round(width * scale));
    const m = Math.max(1, Math.round(height * scale));
    // Halve repeatedly before the last step, so a huge photo is averaged rather than sampled.
    let src: CanvasImageSource = full;
    let w = width;
    let h = height;
    while (w / 2 >= n * 1.5 && h / 2 >= m * 1.5) {
      const c = document.createElement("canvas");
      c.width = Math.round(w / 2);
      c.height = Math.round(h / 2);
      const g = c.getContext("2d");
      if (!g) break;
      g.imageSmoothingQuality = "high";
      g.drawImage(src, 0, 0, c.width, c.height);
      src = c;
      w = c.width;
      h = c.height;
    }
    const c = document.createElement("canvas");
    c.width = n;
    c.height = m;
    const g = c.getContext("2d", { willReadFrequently: true });
    if (!g) throw new Error("This browser could not prepare a canvas to read the image.");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, n, m);
    g.imageSmoothingQuality = "high";
    g.drawImage(src, 0, 0, n, m);
    const rgba = g.getImageData(0, 0, n, m).data;
    const data = new Float64Array(m * n);
    // Luma of the sRGB values (Rec. 709 weights), 0 black … 1 white; transparency shows white.
    for (let i = 0; i < m * n; i++)
      data[i] = (0.2126 * rgba[4 * i] + 0.7152 * rgba[4 * i + 1] + 0.0722 * rgba[4 * i + 2]) / 255;
    return { m, n, data };
  } finally {
    full.close();
  }
}

export function mountLowRank(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  const root = document.createElement("div");
  root.className = "lr-root";
  const top = document.createElement("div");
  top.className = "lr-top";
  const status = document.createElement("p");
  status.className = "lr-status";
  const tools = document.createElement("div");
  tools.className = "lr-tools";
  const pick = document.createElement("button");
  pick.type = "button";
  pick.className = "lg-btn";
  pick.textContent = "Choose an image…";
  const input = document.createElement("input");
  input.type = "file";
  input.accept = "image/*";
  input.hidden = true;
  input.setAttribute("aria-label", "Choose an image file");
  const note = document.createElement("span");
  note.className = "lr-note";
  note.textContent = "or drop one here";
  tools.append(pick, input, note);
  top.append(status, tools);

  const A = figure("lr-a");
  const AK = figure("lr-ak");
  const RES = figure("lr-res");
  const cover = document.createElement("div");
  cover.className = "lr-cover";
  cover.setAttribute("role", "status");
  const coverText = document.createElement("div");
  const bar = document.createElement("progress");
  cover.append(coverText, bar);
  cover.style.display = "none";
  AK.fig.appendChild(cover);
  const empty = document.createElement("div");
  empty.className = "lr-empty";
  empty.textContent =
    "Your image is not part of the link (it never leaves this page). Drop it here, or choose a file.";
  empty.style.display = "none";
  root.appendChild(empty);

  const chartBox = (cls: string, title: (string | [string, string])[]) => {
    const b = document.createElement("section");
    b.className = `lr-chartbox ${cls}`;
    const h = document.createElement("h3");
    const spans: HTMLSpanElement[] = [];
    for (const part of title) {
      const span = document.createElement("span");
      span.textContent = typeof part === "string" ? part : part[0];
      if (typeof part !== "string") span.dataset.color = part[1];
      spans.push(span);
      h.append(span);
    }
    const inner = document.createElement("div");
    b.append(h, inner);
    return { box: b, inner, spans };
  };
  const zeroNote = document.createElement("span");
  const specBox = chartBox("lr-spec", [
    ["Singular values σᵢ", "c0"],
    " (log scale): ",
    ["kept", "c0"],
    " · dropped",
  ]);
  specBox.box.querySelector("h3")?.append(zeroNote);
  const energyBox = chartBox("lr-energy", [
    ["Energy kept", "c0"],
    " and ",
    ["relative error", "c3"],
    " (dashed) against k",
  ]);
  const drop = document.createElement("div");
  drop.className = "lr-drop";
  drop.textContent = "Drop the image to decompose it";
  drop.style.display = "none";
  root.append(top, A.fig, AK.fig, RES.fig, specBox.box, energyBox.box, drop);
  host.appendChild(root);

  const spec: Chart = createChart(specBox.inner, {
    label: "Singular values of the image, log scale, the kept ones marked",
    yLog: true,
    xLabel: "i",
    yLabel: "σᵢ",
  });
  const energy: Chart = createChart(energyBox.inner, {
    label: "Energy kept and relative error as k grows",
    xLog: true,
    xLabel: "k (log scale)",
    yLabel: "fraction",
  });
  const dots = svg("g", {}, spec.plot);
  // Sizes come from a ResizeObserver, so a redraw never forces a layout to measure a box.
  const boxSizes = observeSizes([host, specBox.inner, energyBox.inner], () => ctx.invalidate());
  // The charts fill their boxes without ever sizing them (no layout feedback through the SVG).
  for (const c of [spec, energy]) {
    (c.svg.parentElement as HTMLElement).style.position = "relative";
    Object.assign(c.svg.style, { position: "absolute", inset: "0" });
  }

  const decomposer = createDecomposer();
  const entries = new Map<string, Entry>();
  let uploadCounter = 0;
  let last: { p: LowRankParams; m: LowRankModel } | null = null;
  let busy: string | null = null;
  let paintedA: string | null = null;
  /** What the axes and the curves were last drawn for; a change of k alone redraws neither. */
  let chartsFor = "";
  const akBuffer = { data: new Float64Array(0), res: new Float64Array(0) };

  function remember(key: string, e: Entry): void {
    entries.delete(key);
    entries.set(key, e);
    while (entries.size > KEEP_DECOMPOSED) entries.delete(entries.keys().next().value as string);
  }

  function showProgress(text: string, fraction: number | null): void {
    cover.style.display = "";
    coverText.textContent = text;
    if (fraction === null) bar.removeAttribute("value");
    else bar.value = fraction;
  }

  /** Starts the worker on an image; `then` runs with the result if it is still wanted. */
  function decompose(key: string, gray: Gray, label: string, then?: (d: Decomposed) => void): void {
    busy = key;
    const size = `${gray.m}×${gray.n}`;
    showProgress(`Computing the SVD of ${label} (${size}) in a worker…`, null);
    // Tracked, so `settled()` (tests, screenshots) waits for the picture the worker makes possible.
    const work = decomposer
      .run(gray.m, gray.n, gray.data, (stage, fraction) => {
        if (stage === "svd")
          showProgress(`Computing the SVD of ${label} (${size}) in a worker…`, null);
        else
          showProgress(`Precomputing the rank-k images… ${Math.round(fraction * 100)}%`, fraction);
      })
      .then((d) => {
        if (!d) return;
        busy = null;
        cover.style.display = "none";
        const entry: Entry = { gray, dec: d, curves: null };
        remember(key, entry);
        if (then) then(d);
        else if (last) update(last.p, last.m);
      })
      .catch((err: Error) => {
        busy = null;
        cover.style.display = "none";
        ctx.notice(`The SVD failed (${err.message}); the previous image stays.`);
        if (last) update(last.p, last.m);
      });
    ctx.track(work);
  }

  async function takeFile(file: File | undefined): Promise<void> {
    if (!file) {
      ctx.notice("Nothing to use: drop an image file (PNG, JPEG, GIF, WebP or BMP).");
      return;
    }
    let gray: Gray;
    try {
      gray = await readImage(file);
    } catch (err) {
      ctx.notice(`${err instanceof Error ? err.message : String(err)} The previous image stays.`);
      return;
    }
    const id = Math.max(uploadCounter, ctx.params().upload) + 1;
    uploadCounter = id;
    const key = `upload:${id}`;
    decompose(key, gray, `“${shortName(file.name || "your image")}”`, (d) => {
      // Register the spectrum with the model, then name it in the params: the readouts and the
      // picture switch together, in one frame.
      registerUpload(id, d.dec.m, d.dec.n, Array.from(d.dec.s));
      ctx.set({ image: "yours", upload: id });
    });
  }

  pick.addEventListener("click", () => input.click());
  const onInput = () => {
    void takeFile(input.files?.[0]);
    input.value = "";
  };
  input.addEventListener("change", onInput);
  let dragDepth = 0;
  const onDragEnter = (e: DragEvent) => {
    e.preventDefault();
    dragDepth++;
    drop.style.display = "";
  };
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
  };
  const onDragLeave = () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) drop.style.display = "none";
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    dragDepth = 0;
    drop.style.display = "none";
    void takeFile(e.dataTransfer?.files?.[0]);
  };
  host.addEventListener("dragenter", onDragEnter);
  host.addEventListener("dragover", onDragOver);
  host.addEventListener("dragleave", onDragLeave);
  host.addEventListener("drop", onDrop);

  function curvesOf(entry: Entry, m: LowRankModel): NonNullable<Entry["curves"]> {
    if (!entry.curves) {
      const r = m.s.length;
      const energyPts: [number, number][] = [];
      const errorPts: [number, number][] = [];
      for (let k = 0; k <= r; k++) {
        energyPts.push([k, energyKept(m.s, k)]);
        errorPts.push([k, relativeError(m.s, k)]);
      }
      entry.curves = { energy: energyPts, error: errorPts };
    }
    return entry.curves;
  }

  function drawCharts(m: LowRankModel, entry: Entry | null, pal: Palette): void {
    for (const c of [spec, energy]) {
      const { w, h } = boxSizes.size(c.svg.parentElement as Element);
      if (w !== c.width() || h !== c.height()) c.resize(w, h);
    }
    const r = m.rank;
    if (m.status === "missing" || r === 0) {
      dots.replaceChildren();
      spec.drop("kept");
      spec.drop("dropped");
      spec.drop("k");
      energy.drop("energy");
      energy.drop("error");
      energy.drop("k");
      chartsFor = "";
      return;
    }
    const s = m.s.slice(0, r);
    const boxes = [spec, energy].map((c) => `${c.width()}x${c.height()}`).join(",");
    const sig = `${m.key}|${pal.theme}|${boxes}|${entry?.dec ? 1 : 0}`;
    const fresh = sig !== chartsFor;
    chartsFor = sig;
    const all = m.s.length;
    if (fresh) {
      spec.setDomain([1, Math.max(2, all)], [s[r - 1] / 2, s[0] * 2]);
      spec.drawAxes(pal);
      spec.vrule("zero", r < all ? r + 0.5 : NaN, "", pal.muted, pal);
      zeroNote.textContent = r < all ? ` · σᵢ = 0 for i > ${r} (off a log scale)` : "";
    }
    const pts = s.map((v, i) => [i + 1, v] as [number, number]);
    // With few non-zero σ a line is a speck: mark each one.
    dots.replaceChildren();
    if (r <= 64)
      pts.forEach(([i, v]) =>
        svg(
          "circle",
          {
            cx: spec.x(i),
            cy: spec.y(v),
            r: Math.max(2.5, pal.lineWidth * 1.3),
            fill: i <= m.k ? pal.c[0] : pal.muted,
          },
          dots,
        ),
      );
    spec.line("dropped", pts.slice(Math.max(0, m.k - 1)), {
      color: pal.muted,
      width: Math.max(1, pal.lineWidth * 0.75),
    });
    spec.line("kept", pts.slice(0, m.k), { color: pal.c[0], width: pal.lineWidth * 1.6 });
    spec.vrule(
      "k",
      m.k + 0.5,
      r > m.k ? `k = ${m.k}: ${m.k} kept, ${r - m.k} dropped` : "",
      pal.c[1],
      pal,
    );

    if (fresh) {
      energy.setDomain([1, Math.max(2, all)], [0, 1]);
      energy.drawAxes(pal);
      const curves = entry ? curvesOf(entry, m) : null;
      if (curves) {
        energy.line("energy", curves.energy, { color: pal.c[0], width: pal.lineWidth * 1.2 });
        energy.line("error", curves.error, {
          color: pal.c[3],
          width: pal.lineWidth * 1.2,
          dash: "6 4",
        });
      }
    }
    energy.vrule("k", m.k, `k = ${m.k}`, pal.c[1], pal);
    for (const span of [...specBox.spans, ...energyBox.spans]) {
      const c = span.dataset.color;
      span.style.color = c ? pal.c[Number(c.slice(1))] : "";
    }
  }

  function update(p: LowRankParams, m: LowRankModel): void {
    last = { p, m };
    const pal = ctx.palette();
    root.classList.toggle("lr-narrow", boxSizes.size(host).w < 34 * pal.fontSize);
    // The bundled images: the same pixels the model decomposed, now with vectors, from the worker.
    if (m.status === "ok" && p.image !== "yours" && !entries.has(m.key) && busy !== m.key) {
      const gray = bundledImage(p.image, p.seed);
      decompose(m.key, gray, "the bundled image");
    }
    const entry = entries.get(m.key) ?? null;
    const ready = entry?.dec ?? null;
    empty.style.display = m.status === "missing" ? "" : "none";

    if (m.status === "missing") {
      paintedA = null;
      for (const fig of [A, AK, RES]) {
        const g = fig.canvas.getContext("2d");
        g?.clearRect(0, 0, fig.canvas.width, fig.canvas.height);
        fig.caption.textContent = "";
      }
      status.textContent = "No image of yours is loaded in this page yet.";
      status.style.borderLeftColor = pal.muted;
    } else {
      const gray = entry?.gray ?? (p.image !== "yours" ? bundledImage(p.image, p.seed) : null);
      if (gray) {
        if (paintedA !== `${m.key}`) {
          paint(A.canvas, gray.m, gray.n, gray.data);
          paintedA = m.key;
        }
        A.caption.replaceChildren(bold("A"), text(` · ${gray.m}×${gray.n} · rank ${m.rank}`));
        A.canvas.setAttribute(
          "aria-label",
          `The image A, ${gray.m} by ${gray.n} pixels, rank ${m.rank}.`,
        );
      }
      if (ready && gray) {
        const { dec, checkpoints, every } = ready;
        if (akBuffer.data.length !== dec.m * dec.n) {
          akBuffer.data = new Float64Array(dec.m * dec.n);
          akBuffer.res = new Float64Array(dec.m * dec.n);
        }
        const ak = lowRankFromCheckpoints(
          dec,
          checkpoints,
          every,
          Math.min(m.k, dec.s.length),
          akBuffer.data,
        );
        paint(AK.canvas, dec.m, dec.n, ak);
        const res = akBuffer.res;
        for (let i = 0; i < res.length; i++) res[i] = gray.data[i] - ak[i];
        paint(RES.canvas, dec.m, dec.n, res, 2, 0.5);
        AK.caption.replaceChildren(bold("A"), sub(m.k), text(` · ${f(m.energy * 100, 4)}% energy`));
        RES.caption.replaceChildren(bold("A − A"), sub(m.k), text(` · ×2, grey = 0`));
        AK.canvas.setAttribute(
          "aria-label",
          `The rank-${m.k} approximation, keeping ${f(m.energy * 100, 3)}% of the energy.`,
        );
        RES.canvas.setAttribute(
          "aria-label",
          `The residual A minus A_k, relative error ${f(m.relError, 3)}.`,
        );
      }
      const capped = m.kAsked > m.k ? ` (k = ${m.kAsked} asked; the rank is ${m.rank})` : "";
      // Numbers keep their digits together (a narrow no-break space, not a thin space).
      const nb = (x: number, d?: number) => f(x, d).replace(/\u2009/g, "\u202f");
      status.textContent = `Rank ${m.k}${capped}: ${nb(m.storage)} of ${nb(m.full)} numbers (${nb(m.compression * 100, 3)}%${m.compression > 1 ? ", more than the pixels" : ""}) keep ${nb(m.energy * 100, 4)}% of the energy; relative error ${nb(m.relError, 3)} = √(dropped energy).`;
      status.style.borderLeftColor = pal.c[0];
      note.textContent = ready
        ? `SVD of ${ready.dec.m}×${ready.dec.n}: ${f(Math.round(ready.svdMs))} ms${ready.inWorker ? " in a worker" : ""} · drop an image here`
        : "or drop one here";
    }
    drawCharts(m, entry, pal);
  }

  const bold = (s: string) => {
    const b = document.createElement("b");
    b.textContent = s;
    return b;
  };
  const text = (s: string) => document.createTextNode(s);
  const sub = (k: number) => {
    const e = document.createElement("sub");
    e.textContent = String(k);
    e.style.fontWeight = "600";
    e.style.color = "var(--fg)";
    return e;
  };

  return {
    update,
    resize() {
      if (last) update(last.p, last.m);
    },
    dispose() {
      decomposer.dispose();
      boxSizes.disconnect();
      input.removeEventListener("change", onInput);
      host.removeEventListener("dragenter", onDragEnter);
      host.removeEventListener("dragover", onDragOver);
      host.removeEventListener("dragleave", onDragLeave);
      host.removeEventListener("drop", onDrop);
      root.remove();
    },
  };
}
