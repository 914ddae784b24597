// The page's side of the SVD worker: one module worker per view, requests by id (a newer
// request makes older replies stale), progress callbacks, and a main-thread fallback where
// module workers are unavailable, so the scene still works, only less smoothly.
import { flatSvd, lowRankCheckpoints, type FlatSvd } from "../../src/core/spectrum";

export interface DecomposeRequest {
  id: number;
  m: number;
  n: number;
  /** Row-major grey values. */
  data: Float64Array;
}

export type DecomposeReply =
  | { id: number; type: "progress"; stage: "svd" | "checkpoints"; fraction: number }
  | {
      id: number;
      type: "done";
      m: number;
      n: number;
      s: Float64Array;
      u: Float64Array;
      v: Float64Array;
      every: number;
      checkpoints: Float64Array[];
      svdMs: number;
      totalMs: number;
    }
  | { id: number; type: "error"; message: string };

/** A decomposed image, ready for fast rank-k reconstructions. */
export interface Decomposed {
  dec: FlatSvd;
  every: number;
  checkpoints: Float64Array[];
  svdMs: number;
  totalMs: number;
  /** True when it ran in the worker (false: the main-thread fallback). */
  inWorker: boolean;
}

export interface Decomposer {
  /** Decomposes; resolves with null when a newer request has replaced this one. */
  run(
    m: number,
    n: number,
    data: Float64Array,
    onProgress: (stage: "svd" | "checkpoints", fraction: number) => void,
  ): Promise<Decomposed | null>;
  dispose(): void;
}

export function createDecomposer(): Decomposer {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL("./svd.worker.ts", import.meta.url), { type: "module" });
  } catch {
    worker = null;
  }
  let latest = 0;
  const pending = new Map<
    number,
    {
      resolve: (d: Decomposed | null) => void;
      reject: (e: Error) => void;
      onProgress: (s: "svd" | "checkpoints", f: number) => void;
    }
  >();
  if (worker) {
    worker.onmessage = (e: MessageEvent<DecomposeReply>) => {
      const msg = e.data;
      const job = pending.get(msg.id);
      if (!job) return;
      if (msg.type === "progress") {
        if (msg.id === latest) job.onProgress(msg.stage, msg.fraction);
        return;
      }
      pending.delete(msg.id);
      if (msg.id !== latest) return job.resolve(null);
      if (msg.type === "error") return job.reject(new Error(msg.message));
      job.resolve({
        dec: { m: msg.m, n: msg.n, s: msg.s, u: msg.u, v: msg.v },
        every: msg.every,
        checkpoints: msg.checkpoints,
        svdMs: msg.svdMs,
        totalMs: msg.totalMs,
        inWorker: true,
      });
    };
    worker.onerror = (e) => {
      e.preventDefault();
      for (const job of pending.values())
        job.reject(new Error(e.message || "the SVD worker failed"));
      pending.clear();
    };
  }
  return {
    run(m, n, data, onProgress) {
      const id = ++latest;
      // Older jobs still running will resolve as stale.
      if (!worker) {
        // Fallback without a worker: one blocking computation, after a frame so progress shows.
        return new Promise((resolve, reject) => {
          onProgress("svd", 0);
          setTimeout(() => {
            if (id !== latest) return resolve(null);
            try {
              const t0 = performance.now();
              const rows = Array.from({ length: m }, (_, i) =>
                Array.from(data.subarray(i * n, (i + 1) * n)),
              );
              const dec = flatSvd(rows);
              const svdMs = performance.now() - t0;
              const checkpoints = lowRankCheckpoints(dec, 16);
              resolve({
                dec,
                every: 16,
                checkpoints,
                svdMs,
                totalMs: performance.now() - t0,
                inWorker: false,
              });
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          }, 30);
        });
      }
      const w = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
        const copy = data.slice();
        w.postMessage({ id, m, n, data: copy } satisfies DecomposeRequest, [copy.buffer]);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const job of pending.values()) job.resolve(null);
      pending.clear();
    },
  };
}
