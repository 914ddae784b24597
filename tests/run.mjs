// npm test: every check of the project in one run, each step named so a failure says which broke.
// Steps run in order and keep running after a failure (e2e only needs a build), and the exit code
// is non-zero if anything failed. The last line printed is `N passed, N failed`: vitest's tests
// (from its JSON report) plus the e2e checks, plus one failure per failed step that is not itself
// a test count (typecheck, lint, format, build). A run in which no test ran fails.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const work = mkdtempSync(join(tmpdir(), "legible-test-"));
const vitestJson = join(work, "vitest.json");
const e2eJson = join(work, "e2e.json");

// A step that hangs must not eat CI's whole budget without a summary: it is stopped after this
// long and counted as failed (LEGIBLE_STEP_MINUTES overrides, for slow machines).
const STEP_MINUTES = Number(process.env.LEGIBLE_STEP_MINUTES) || 30;
const running = new Set();

/** Runs a command with inherited output; resolves with its exit code (124 after the time limit). */
function sh(cmd, args, minutes = STEP_MINUTES) {
  return new Promise((resolveCode) => {
    // Output is inherited, so each tool colours it only where a person is watching. Its own
    // process group lets a timeout stop the workers it started too.
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", detached: true });
    running.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n${cmd} ${args.join(" ")}: still running after ${minutes} min; stopping it.`);
      stop(child);
    }, minutes * 60000);
    child.on("error", (e) => {
      console.error(`${cmd}: ${e.message}`);
      resolveCode(127);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolveCode(timedOut ? 124 : (code ?? (signal ? 128 : 1)));
    });
  });
}

function stop(child) {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

// Ctrl-C stops the running step's whole process group, not only this script.
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    for (const child of running) stop(child);
    process.exit(130);
  });

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

/** Counts from vitest's JSON report. A file that failed to load counts once; skipped tests count as failures. */
function vitestCounts(code) {
  const r = readJson(vitestJson);
  if (!r) return { passed: 0, failed: 1, note: `no JSON report (vitest exited ${code})` };
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  let failed = (r.numFailedTests ?? 0) + brokenFiles + skipped;
  const notes = [];
  if (brokenFiles) notes.push(`${brokenFiles} file(s) failed to run`);
  if (skipped) notes.push(`${skipped} skipped or todo test(s) left behind`);
  // Vitest can fail on an unhandled error while every test passed: that must not pass silently.
  if (code !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited ${code} although every test passed (an unhandled error?)`);
  }
  return { passed: r.numPassedTests ?? 0, failed, note: notes.join("; ") };
}

const steps = [
  { name: "typecheck", run: () => sh(bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]) },
  {
    name: "typecheck (pure layer)",
    run: () => sh(bin("tsc"), ["-p", "tsconfig.pure.json", "--noEmit"]),
  },
  { name: "lint", run: () => sh(bin("eslint"), ["."]) },
  { name: "format", run: () => sh(bin("prettier"), ["--check", "."]) },
  {
    name: "unit",
    tests: true,
    run: () =>
      sh(bin("vitest"), [
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${vitestJson}`,
      ]),
    count: vitestCounts,
  },
  { name: "build", run: () => sh(bin("vite"), ["build"]) },
  {
    name: "e2e",
    tests: true,
    needs: "build",
    // Every scene gets a minute or so of browser checks: the e2e step may take twice as long.
    run: () =>
      sh(
        process.execPath,
        [join(root, "tests/e2e/run.mjs"), "--results", e2eJson],
        2 * STEP_MINUTES,
      ),
    count: (code) => {
      const r = readJson(e2eJson);
      if (!r) return { passed: 0, failed: 1, note: `no results (the e2e runner exited ${code})` };
      return { passed: r.passed, failed: r.failed, note: "" };
    },
  },
];

const started = Date.now();
const outcome = new Map();
let passed = 0;
let failed = 0;
for (const step of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${step.name}`);
  let line;
  if (step.needs && outcome.get(step.needs) !== "ok") {
    failed += 1;
    outcome.set(step.name, "failed");
    line = `✗ ${step.name}: not run, because ${step.needs} failed`;
  } else {
    const code = await step.run();
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (step.tests) {
      const c = step.count(code);
      passed += c.passed;
      failed += c.failed;
      outcome.set(step.name, c.failed ? "failed" : "ok");
      line = `${c.failed ? "✗" : "✓"} ${step.name}: ${c.passed} passed, ${c.failed} failed${c.note ? ` (${c.note})` : ""} in ${secs} s`;
    } else {
      outcome.set(step.name, code === 0 ? "ok" : "failed");
      if (code !== 0) failed += 1;
      line = `${code === 0 ? "✓" : "✗"} ${step.name}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${secs} s`;
    }
  }
  step.line = line;
  console.log(line);
}

rmSync(work, { recursive: true, force: true });
console.log(`\nSummary (${((Date.now() - started) / 1000).toFixed(0)} s):`);
for (const step of steps) console.log(`  ${step.line}`);
if (passed + failed === 0) console.log("  ✗ no test ran");
const ok = failed === 0 && passed > 0;
process.exitCode = ok ? 0 : 1;
console.log(`${passed} passed, ${failed} failed`);
