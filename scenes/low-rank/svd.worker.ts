// The SVD of an image off the main thread: a module Web Worker that decomposes the grey matrix
// through src/core (flatSvd), then precomputes the rank-k checkpoints, so moving k on the page
// costs at most a few rank-one updates. It reports progress as it goes and transfers (never
// copies) the arrays back. Errors come back as messages, never as an unhandled exception.
import { flatSvd, lowRankCheckpoints } from "../../src/core/spectrum";
import type { DecomposeReply, DecomposeRequest } from "./decompose";

/** Every how many terms a checkpoint A_k is stored. */
const EVERY = 16;

const post = (msg: DecomposeReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(msg, transfer);

self.onmessage = (e: MessageEvent<DecomposeRequest>) => {
  const { id, m, n, data } = e.data;
  const t0 = performance.now();
  try {
    post({ id, type: "progress", stage: "svd", fraction: 0 });
    const rows = Array.from({ length: m }, (_, i) => Array.from(data.subarray(i * n, (i + 1) * n)));
    const dec = flatSvd(rows);
    const svdMs = performance.now() - t0;
    post({ id, type: "progress", stage: "checkpoints", fraction: 0 });
    const checkpoints = lowRankCheckpoints(dec, EVERY, (done, total) =>
      post({ id, type: "progress", stage: "checkpoints", fraction: done / total }),
    );
    post(
      {
        id,
        type: "done",
        m,
        n,
        s: dec.s,
        u: dec.u,
        v: dec.v,
        every: EVERY,
        checkpoints,
        svdMs,
        totalMs: performance.now() - t0,
      },
      [dec.s.buffer, dec.u.buffer, dec.v.buffer, ...checkpoints.map((c) => c.buffer)],
    );
  } catch (err) {
    post({ id, type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
