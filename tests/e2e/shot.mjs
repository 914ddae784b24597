// Ad-hoc screenshots for looking at a page: node tests/e2e/shot.mjs <path?query> <out.png> [w] [h]
import { launch, startPreview } from "./browser.mjs";

const [path = "", out = "/tmp/shot.png", w = "1280", h = "800"] = process.argv.slice(2);
const srv = await startPreview();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on(
  "console",
  (m) =>
    (m.type() === "error" || m.type() === "warning") && console.log("console:", m.type(), m.text()),
);
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(srv.url + path);
await page
  .waitForFunction(() => document.documentElement.dataset.ready === "1", null, { timeout: 15000 })
  .catch(() => console.log("not ready"));
// Parts loaded after `ready` (KaTeX, a 3-D view) are in before the picture is taken.
await page.evaluate(() => window.legible?.debug.settled());
await page.waitForTimeout(800);
await page.screenshot({ path: out });
const readouts = await page.evaluate(() => (window.legible ? window.legible.readouts() : null));
console.log(JSON.stringify(readouts));
await browser.close();
await srv.close();
