// npm run soak: plays every animating scene for 10 minutes (--minutes=N to change, --scene=id for
// one) and checks that frame time and JS heap stay flat: the last minute against the first.
// Not part of npm test or CI; run it before a release.
import { execSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, startPreview } from "../tests/e2e/browser.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const minutes = Number(arg("minutes", "10"));
const only = arg("scene", null);
if (!process.argv.includes("--no-build"))
  execSync("npx vite build", { cwd: root, stdio: "ignore" });
const dist = join(root, "dist");
const ids = readdirSync(join(dist, "scenes")).filter(
  (id) => existsSync(join(dist, "scenes", id, "index.html")) && (!only || id === only),
);

const srv = await startPreview(dist);
const browser = await launch();
let failed = 0;
for (const id of ids) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${srv.url}scenes/${id}/`);
  await page.evaluate(() => window.legible.ready);
  if (!(await page.evaluate(() => window.legible.debug.animated))) {
    await context.close();
    continue;
  }
  const cdp = await context.newCDPSession(page);
  const samples = [];
  const end = Date.now() + minutes * 60000;
  await page.evaluate(() => window.legible.play());
  while (Date.now() < end) {
    // Restart when an animation finishes, so the soak keeps playing for the whole time.
    const s = await page.evaluate(async () => {
      if (!window.legible.debug.playing()) {
        window.legible.reset();
        window.legible.play();
      }
      const deltas = [];
      let last = performance.now();
      await new Promise((res) => {
        const t0 = last;
        const tick = (t) => {
          deltas.push(t - last);
          last = t;
          if (t - t0 < 2000) requestAnimationFrame(tick);
          else res();
        };
        requestAnimationFrame(tick);
      });
      deltas.sort((a, b) => a - b);
      return {
        p50: deltas[Math.floor(deltas.length / 2)],
        p95: deltas[Math.floor(deltas.length * 0.95)],
      };
    });
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize / 1e6;
    samples.push({ t: Date.now(), ...s, heap });
    await page.waitForTimeout(8000);
  }
  await context.close();
  const k = Math.max(1, Math.floor(samples.length / 10));
  const avg = (xs, f) => xs.reduce((a, x) => a + f(x), 0) / xs.length;
  const first = samples.slice(0, k);
  const last = samples.slice(-k);
  const heapGrowth = avg(last, (x) => x.heap) - avg(first, (x) => x.heap);
  const frameGrowth = avg(last, (x) => x.p95) / avg(first, (x) => x.p95);
  const ok = heapGrowth < 5 && frameGrowth < 1.5;
  if (!ok) failed++;
  console.log(
    `${ok ? "✓" : "✗"} ${id.padEnd(16)} heap ${avg(first, (x) => x.heap).toFixed(1)} → ${avg(last, (x) => x.heap).toFixed(1)} MB, ` +
      `frame p95 ${avg(first, (x) => x.p95).toFixed(1)} → ${avg(last, (x) => x.p95).toFixed(1)} ms over ${minutes} min`,
  );
}
await browser.close();
await srv.close();
process.exit(failed ? 1 : 0);
