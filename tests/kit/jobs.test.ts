// The job runner (src/kit/jobs.ts): pieces arrive in order and complete, the latest job on a
// channel wins, stop and dispose end jobs, a failing worker hands its jobs to the main thread,
// and a worker (served by serveJobs) gives exactly what the main-thread fallback gives.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { createJobClient, pump, serveJobs, type JobEnd, type Jobs } from "../../src/kit/jobs";

beforeAll(() => {
  // Node has no animation frames: the fallback's frames become timers here.
  const g = globalThis as unknown as Record<string, unknown>;
  g.requestAnimationFrame ??= (cb: (t: number) => void) =>
    setTimeout(() => cb(performance.now()), 1) as unknown as number;
  g.cancelAnimationFrame ??= (id: number) => clearTimeout(id);
});

/** Counts how many pieces each job has made, so a test can see a job stop. */
const made = new Map<string, number>();
afterEach(() => made.clear());

function* count(args: { name: string; to: number; spin?: number }): Generator<number, void> {
  for (let i = 1; i <= args.to; i++) {
    made.set(args.name, (made.get(args.name) ?? 0) + 1);
    const until = performance.now() + (args.spin ?? 0);
    while (performance.now() < until);
    yield i;
  }
}
function* broken(): Generator<number, void> {
  yield 1;
  throw new RangeError("bad input");
}
const jobs = { count, broken } as unknown as Jobs;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A worker double: serveJobs runs in a fake worker scope, messages are cloned and async. */
function fakeWorker(): Worker & { terminated: boolean } {
  let terminated = false;
  const worker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(msg: unknown) {
      setTimeout(() => !terminated && scope.onmessage?.({ data: structuredClone(msg) }));
    },
    terminate() {
      terminated = true;
    },
    get terminated() {
      return terminated;
    },
  };
  const scope = {
    onmessage: null as ((e: { data: unknown }) => void) | null,
    postMessage(reply: unknown) {
      setTimeout(
        () => !terminated && worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent),
      );
    },
  };
  const g = globalThis as unknown as { self?: unknown };
  const had = g.self;
  g.self = scope;
  serveJobs(jobs, 2);
  g.self = had;
  return worker as unknown as Worker & { terminated: boolean };
}

function collect(
  client: ReturnType<typeof createJobClient>,
  kind: string,
  args: unknown,
): { pieces: number[]; dones: boolean[]; end: Promise<JobEnd> } {
  const pieces: number[] = [];
  const dones: boolean[] = [];
  const end = client.run<unknown, number>(kind, args, (ps, done) => {
    pieces.push(...ps);
    dones.push(done);
  });
  return { pieces, dones, end };
}

describe("pump", () => {
  test("takes at least one piece, and everything up to the end within the budget", () => {
    const it = count({ name: "p", to: 5 });
    expect(pump(it, 0)).toEqual({ pieces: [1], done: false });
    expect(pump(it, 1000)).toEqual({ pieces: [2, 3, 4, 5], done: true });
  });
});

const makers: [string, (() => Worker) | null][] = [
  ["on the main thread (no worker)", null],
  ["in a worker", () => fakeWorker()],
];
describe.each(makers)("jobs %s", (_, makeWorker) => {
  test("every piece arrives once, in order, and the last slice says done", async () => {
    const client = createJobClient(makeWorker, jobs, 1);
    expect(client.inWorker()).toBe(makeWorker !== null);
    const { pieces, dones, end } = collect(client, "count", { name: "a", to: 300, spin: 0.02 });
    expect(await end).toBe("done");
    expect(pieces).toEqual(range(300));
    expect(dones.at(-1)).toBe(true);
    expect(dones.slice(0, -1).every((d) => !d)).toBe(true);
    expect(dones.length).toBeGreaterThan(1);
    client.dispose();
  });

  test("a newer job on the same channel makes the older one stale and stops it", async () => {
    const client = createJobClient(makeWorker, jobs, 1);
    const a = collect(client, "count", { name: "a", to: 100_000, spin: 0.01 });
    await new Promise((r) => setTimeout(r, 30));
    const b = collect(client, "count", { name: "b", to: 50 });
    const other = collect(client, "count-free", { name: "x", to: 1 });
    expect(await a.end).toBe("stale");
    const seen = a.pieces.length;
    expect(await b.end).toBe("done");
    expect(b.pieces).toEqual(range(50));
    await new Promise((r) => setTimeout(r, 30));
    expect(a.pieces.length).toBe(seen);
    expect(made.get("a")!).toBeLessThan(100_000);
    // A channel nobody serves ends in an error, without touching the others.
    expect(await other.end).toBe("error");
    client.dispose();
  });

  test("stop and dispose end running jobs as stale", async () => {
    const client = createJobClient(makeWorker, jobs, 1);
    const a = collect(client, "count", { name: "a", to: 100_000, spin: 0.01 });
    client.stop("count");
    expect(await a.end).toBe("stale");
    const b = collect(client, "count", { name: "b", to: 100_000, spin: 0.01 });
    client.dispose();
    expect(await b.end).toBe("stale");
    const before = made.get("b") ?? 0;
    await new Promise((r) => setTimeout(r, 40));
    expect((made.get("b") ?? 0) - before).toBeLessThan(50);
  });

  test("a job that throws ends in an error", async () => {
    const client = createJobClient(makeWorker, jobs, 1);
    expect(await collect(client, "broken", null).end).toBe("error");
    client.dispose();
  });
});

test("a worker that fails hands its jobs to the main thread, which finishes them", async () => {
  const w = fakeWorker();
  const client = createJobClient(() => w, jobs, 1);
  const a = collect(client, "count", { name: "a", to: 200, spin: 0.02 });
  while (a.pieces.length === 0) await new Promise((r) => setTimeout(r, 1));
  expect(a.pieces.length).toBeLessThan(200);
  w.onerror!(new Event("error") as ErrorEvent);
  expect(w.terminated).toBe(true);
  expect(client.inWorker()).toBe(false);
  expect(await a.end).toBe("done");
  // The job restarts on the main thread, and the pieces the worker had sent are not sent again.
  expect(a.pieces).toEqual(range(200));
  client.dispose();
});

test("a worker that cannot be built selects the fallback", async () => {
  const client = createJobClient(
    () => {
      throw new Error("no module workers here");
    },
    jobs,
    1,
  );
  expect(client.inWorker()).toBe(false);
  const a = collect(client, "count", { name: "a", to: 10 });
  expect(await a.end).toBe("done");
  expect(a.pieces).toEqual(range(10));
});
