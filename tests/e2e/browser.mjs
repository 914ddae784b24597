// Shared by the e2e tests, the screenshot tool and the benchmark: Debian's Chromium driven by
// playwright-core (CHROME_PATH overrides the path), and vite's preview server on a free port.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { preview } from "vite";

export const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-unsafe-swiftshader",
  "--use-angle=swiftshader",
];

export function chromePath() {
  const candidates = [
    process.env.CHROME_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const hit = candidates.find((p) => p && existsSync(p));
  if (!hit) {
    throw new Error(
      "No Chromium found. Install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH to a Chrome/Chromium binary.",
    );
  }
  return hit;
}

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [...CHROME_ARGS, ...extraArgs],
  });
}

/** Starts vite preview on the built site (dist/, or $LEGIBLE_DIST) and returns its base URL and a close function. */
export async function startPreview(outDir = process.env.LEGIBLE_DIST ?? "dist") {
  const server = await preview({
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", strictPort: false },
    logLevel: "silent",
  });
  const url =
    server.resolvedUrls?.local?.[0] ?? `http://127.0.0.1:${server.httpServer.address().port}/`;
  return { url, close: () => new Promise((r) => server.httpServer.close(() => r())) };
}
