// Heavy work off the main thread. A job is a generator that yields its results piece by piece
// (a chunk of Monte Carlo trials, one point of a curve). In a module Worker, serveJobs runs it in
// slices and streams the pieces back; on the page, createJobClient sends requests and hands the
// pieces to the view as they arrive. Where module workers are unavailable (or the worker fails)
// the same generator runs on the main thread, a frame's budget at a time: slower, never blocking.
// The latest request on a channel wins: starting a job stops the older one on the same channel.

/** A job: from its arguments, an iterator of pieces. It must be pure (it may run in a worker). */
export type JobFn<A = never, Y = unknown> = (args: A) => Iterator<Y>;
/** The jobs a worker (and the fallback) can run, by name. */
export type Jobs = Record<string, JobFn<never, unknown>>;

export interface JobRequest {
  id: number;
  kind: string;
  args: unknown;
  /** Only stop the job running on this channel. */
  stop?: boolean;
}

export type JobReply =
  | { id: number; kind: string; pieces: unknown[]; done: boolean }
  | { id: number; kind: string; error: string };

/** Pulls pieces from `it` until it ends or `budgetMs` has passed (always at least one piece). */
export function pump<Y>(it: Iterator<Y>, budgetMs: number): { pieces: Y[]; done: boolean } {
  const t0 = performance.now();
  const pieces: Y[] = [];
  for (;;) {
    const r = it.next();
    if (r.done) return { pieces, done: true };
    pieces.push(r.value);
    if (performance.now() - t0 >= budgetMs) return { pieces, done: false };
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The worker's side: answers JobRequests with JobReplies, a slice of at most `sliceMs` at a time,
 * letting newer requests in between slices (a superseded job stops at its next slice).
 */
export function serveJobs(jobs: Jobs, sliceMs = 25): void {
  const scope = self as unknown as Worker;
  const latest = new Map<string, number>();
  const post = (reply: JobReply) => scope.postMessage(reply);
  async function runJob({ id, kind, args }: JobRequest): Promise<void> {
    try {
      const job = jobs[kind] as JobFn<unknown, unknown> | undefined;
      if (!job) throw new Error(`no job called ${kind}`);
      const it = job(args);
      for (;;) {
        if (latest.get(kind) !== id) return;
        const { pieces, done } = pump(it, sliceMs);
        post({ id, kind, pieces, done });
        if (done) return;
        await new Promise((r) => setTimeout(r, 0));
      }
    } catch (err) {
      post({ id, kind, error: message(err) });
    }
  }
  scope.onmessage = (e: MessageEvent<JobRequest>) => {
    latest.set(e.data.kind, e.data.id);
    if (!e.data.stop) void runJob(e.data);
  };
}

/** How a job ended: it finished, a newer job (or dispose) replaced it, or it threw. */
export type JobEnd = "done" | "stale" | "error";

export interface JobClient {
  /**
   * Runs a job on channel `kind`, stopping the one running there. `onPieces` gets each slice's
   * pieces in order (done: true with the last). Resolves when the job ends, however it ends.
   */
  run<A, Y>(kind: string, args: A, onPieces: (pieces: Y[], done: boolean) => void): Promise<JobEnd>;
  /** Stops the job running on channel `kind`, if any (it resolves "stale"). */
  stop(kind: string): void;
  /** True while jobs run in a worker (false: the main-thread fallback). */
  inWorker(): boolean;
  dispose(): void;
}

interface Active {
  id: number;
  kind: string;
  args: unknown;
  onPieces: (pieces: unknown[], done: boolean) => void;
  end: (how: JobEnd) => void;
  raf: number;
  /** Pieces handed over so far: a job restarted on the main thread skips them (jobs are pure). */
  delivered: number;
}

/**
 * The page's side. `makeWorker` builds the module worker (null, or a throw, selects the
 * fallback); `jobs` are the same job functions, for the fallback; `frameBudgetMs` is the
 * main-thread time the fallback may take per frame.
 */
export function createJobClient(
  makeWorker: (() => Worker) | null,
  jobs: Jobs,
  frameBudgetMs = 8,
): JobClient {
  let worker: Worker | null = null;
  try {
    worker = makeWorker?.() ?? null;
  } catch {
    worker = null;
  }
  let nextId = 0;
  const active = new Map<string, Active>();

  function finish(job: Active, how: JobEnd): void {
    if (active.get(job.kind) === job) active.delete(job.kind);
    cancelAnimationFrame(job.raf);
    job.end(how);
  }

  function deliver(job: Active, pieces: unknown[], done: boolean): void {
    job.delivered += pieces.length;
    if (pieces.length || done) job.onPieces(pieces, done);
  }

  function runHere(job: Active): void {
    let it: Iterator<unknown>;
    try {
      it = (jobs[job.kind] as JobFn<unknown, unknown>)(job.args);
    } catch {
      return finish(job, "error");
    }
    let skipping = job.delivered;
    const slice = () => {
      if (active.get(job.kind) !== job) return;
      let out: { pieces: unknown[]; done: boolean };
      try {
        out = pump(it, frameBudgetMs);
      } catch {
        return finish(job, "error");
      }
      const skip = Math.min(skipping, out.pieces.length);
      skipping -= skip;
      deliver(job, out.pieces.slice(skip), out.done);
      if (out.done) finish(job, "done");
      else job.raf = requestAnimationFrame(slice);
    };
    job.raf = requestAnimationFrame(slice);
  }

  function fallBack(): void {
    worker?.terminate();
    worker = null;
    for (const job of active.values()) runHere(job);
  }

  if (worker) {
    worker.onmessage = (e: MessageEvent<JobReply>) => {
      const reply = e.data;
      const job = active.get(reply.kind);
      if (!job || job.id !== reply.id) return;
      if ("error" in reply) return finish(job, "error");
      deliver(job, reply.pieces, reply.done);
      if (reply.done) finish(job, "done");
    };
    // A worker that cannot load (or dies) hands its jobs to the main thread.
    worker.onerror = (e) => {
      e.preventDefault();
      fallBack();
    };
  }

  return {
    run<A, Y>(kind: string, args: A, onPieces: (pieces: Y[], done: boolean) => void) {
      const old = active.get(kind);
      if (old) finish(old, "stale");
      return new Promise<JobEnd>((end) => {
        const job: Active = {
          id: ++nextId,
          kind,
          args,
          onPieces: onPieces as (pieces: unknown[], done: boolean) => void,
          end,
          raf: 0,
          delivered: 0,
        };
        active.set(kind, job);
        if (worker) worker.postMessage({ id: job.id, kind, args } satisfies JobRequest);
        else runHere(job);
      });
    },
    stop(kind: string) {
      const job = active.get(kind);
      if (!job) return;
      finish(job, "stale");
      worker?.postMessage({ id: ++nextId, kind, args: null, stop: true } satisfies JobRequest);
    },
    inWorker: () => worker !== null,
    dispose() {
      worker?.terminate();
      worker = null;
      for (const job of [...active.values()]) finish(job, "stale");
    },
  };
}
