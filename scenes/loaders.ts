// Lazy loaders of the full scene modules, keyed by scene id: for the tests and tools that need the
// whole scene. The gallery imports registry.ts instead, so it never bundles a scene's code.
import type { AnyScene } from "../src/kit/scene";

export const sceneLoaders: Record<string, () => Promise<AnyScene>> = Object.fromEntries(
  Object.entries(import.meta.glob<AnyScene>("./*/scene.ts", { import: "default" })).map(
    ([path, load]) => [path.split("/")[1], load],
  ),
);
