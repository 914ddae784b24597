// The pure model of low-rank: an image's singular spectrum and what keeping the top k terms
// costs and keeps: energy Σᵢ≤ₖσᵢ²/Σσᵢ², relative Frobenius error (√ of the dropped energy, by
// Eckart–Young) and storage k(m + n + 1)/(mn), all through src/core.
//
// Model and worker, and why the readouts always match the picture. The bundled images are
// functions of the params (image, seed), so the model computes their spectrum itself, on the
// main thread and synchronously (singular values only, 128×128: a few milliseconds, memoised).
// The pictures need the singular vectors too; the view gets them from a module Web Worker
// (svd.worker.ts) for exactly the same matrix, so its σ agree with the model's to rounding.
// A person's own image cannot live in a link: the worker decomposes it, the view registers its
// spectrum here under a fresh `upload` number and then sets `image=yours&upload=<number>`. The
// model is then still a function of the params, looked up in a table of registered spectra.
// An upload number this page has not registered (a reloaded link) gives status "missing":
// every spectrum readout is undefined and the view asks for the file again.
import {
  compressionRatio,
  energyKept,
  rankFromSpectrum,
  relativeError,
  singularValues,
} from "../../src/core/spectrum";
import { choice, int, seed, type ParamsOf } from "../../src/kit/schema";
import { bundledImage, rowsOf, type BundledName } from "./images";

/** The largest side of a person's image after downscaling (so its SVD is at most 256×256). */
export const MAX_SIDE = 256;

/** What names an image: the choice, the noise seed and the upload number. */
interface ImageRef {
  image: "landscape" | "checker" | "disc" | "noise" | "yours";
  seed: number;
  upload: number;
}

export const params = {
  image: choice({
    label: "image",
    options: ["landscape", "checker", "disc", "noise", "yours"],
    optionLabels: {
      landscape: "landscape (bundled)",
      checker: "checkerboard (rank 2)",
      disc: "disc",
      noise: "noise (seeded)",
      yours: "your image (drop or choose a file)",
    },
    default: "landscape",
  }),
  k: int({
    label: "k (terms kept)",
    min: 1,
    max: MAX_SIDE,
    default: 10,
    log: true,
    help: "Keep the k largest singular values: A_k = Σᵢ≤ₖ σᵢuᵢvᵢᵀ. Values beyond the image's rank change nothing.",
    marks: (p) => {
      const r: number = spectrumFor(p as unknown as ImageRef).rank;
      return r > 0 ? [{ value: r, label: `rank ${r}` }] : [];
    },
  }),
  seed: seed({ label: "seed (noise)", default: 1, visibleWhen: (p) => p.image === "noise" }),
  upload: int({
    label: "upload number (set by the page)",
    min: 0,
    max: 1000000,
    default: 0,
    visibleWhen: () => false,
    help: "Which image this page decomposed for you; images never go into links.",
  }),
};

export type LowRankParams = ParamsOf<typeof params>;

export const presets = {
  landscape: { image: "landscape", k: 10 },
  "rank-one": { image: "landscape", k: 1 },
  "checker-rank-2": { image: "checker", k: 2 },
  disc: { image: "disc", k: 8 },
  noise: { image: "noise", k: 10, seed: 1 },
} satisfies Record<string, Partial<LowRankParams>>;

/** A decomposed image's spectrum: what the readouts need. */
export interface Spectrum {
  m: number;
  n: number;
  /** σ₁ ≥ … ≥ σᵣ ≥ 0, r = min(m, n). */
  s: number[];
  rank: number;
}

const bundled = new Map<string, Spectrum>();
const uploads = new Map<number, Spectrum>();
const MAX_UPLOADS = 4;

/**
 * The spectrum as the readouts use it: singular values at or below the rank tolerance
 * (max(m, n)·ε·σ₁, as `rank` uses) are rounding residue of exact zeros, and are set to 0, so a
 * rank-2 checkerboard at k = 2 has error 0, not 10⁻¹⁷.
 */
function spectrumOf(m: number, n: number, raw: number[]): Spectrum {
  const rank = rankFromSpectrum(raw, m, n);
  return { m, n, s: raw.map((x, i) => (i < rank ? x : 0)), rank };
}

/** The key a decomposition is filed under: the view asks the worker for the same key. */
export function imageKey(p: ImageRef): string {
  if (p.image === "yours") return `upload:${p.upload}`;
  return p.image === "noise" ? `noise:${p.seed}` : p.image;
}

/** The bundled image's spectrum, computed once (singular values only) and memoised. */
function bundledSpectrum(name: BundledName, seedValue: number): Spectrum {
  const key = imageKey({ image: name, seed: seedValue, upload: 0 });
  let sp = bundled.get(key);
  if (!sp) {
    const img = bundledImage(name, seedValue);
    sp = spectrumOf(img.m, img.n, singularValues(rowsOf(img)));
    if (bundled.size > 12) bundled.clear();
    bundled.set(key, sp);
  }
  return sp;
}

const EMPTY: Spectrum = { m: 1, n: 1, s: [0], rank: 0 };

/** The spectrum the params name, or EMPTY for an upload this page does not hold. */
export function spectrumFor(p: ImageRef): Spectrum {
  if (p.image === "yours") return uploads.get(p.upload) ?? EMPTY;
  return bundledSpectrum(p.image, p.seed);
}

/**
 * Files the spectrum of a person's image (from the worker) under `id`; the params
 * `image=yours&upload=id` then name it. Keeps the last few.
 *
 * @throws RangeError if the spectrum is malformed (see rankFromSpectrum).
 */
export function registerUpload(id: number, m: number, n: number, s: readonly number[]): void {
  uploads.set(id, spectrumOf(m, n, [...s]));
  while (uploads.size > MAX_UPLOADS) uploads.delete(uploads.keys().next().value as number);
}

/** True when this page holds the upload the params name. */
export function hasUpload(id: number): boolean {
  return uploads.has(id);
}

export type LowRankStatus = "ok" | "missing";

export interface LowRankModel {
  status: LowRankStatus;
  key: string;
  m: number;
  n: number;
  s: number[];
  rank: number;
  /** The k asked for, and the k in effect (at most the rank). */
  kAsked: number;
  k: number;
  energy: number;
  relError: number;
  compression: number;
  /** Numbers stored by the rank-k form, k(m + n + 1), and by the image, mn. */
  storage: number;
  full: number;
}

export function lowRankModel(p: LowRankParams): LowRankModel {
  const key = imageKey(p);
  const missing = p.image === "yours" && !uploads.has(p.upload);
  const sp = spectrumFor(p);
  const k = Math.min(p.k, sp.rank);
  return {
    status: missing ? "missing" : "ok",
    key,
    m: sp.m,
    n: sp.n,
    s: sp.s,
    rank: sp.rank,
    kAsked: p.k,
    k,
    energy: energyKept(sp.s, k),
    relError: relativeError(sp.s, k),
    compression: compressionRatio(sp.m, sp.n, k),
    storage: k * (sp.m + sp.n + 1),
    full: sp.m * sp.n,
  };
}
