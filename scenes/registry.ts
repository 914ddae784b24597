// The registry is the spine: the gallery, the contract tests and the e2e tests all loop over it,
// so a scene without tests cannot exist. Adding a scene is adding a folder with meta.ts and scene.ts.
import { SECTIONS, type SceneMeta } from "../src/kit/scene";

const metaModules = import.meta.glob<SceneMeta>("./*/meta.ts", { eager: true, import: "default" });

/** Every scene's meta, in section order, headline scenes first, then by title. */
export const sceneMetas: SceneMeta[] = Object.values(metaModules).sort((a, b) => {
  const sa = SECTIONS.findIndex((s) => s.id === a.section);
  const sb = SECTIONS.findIndex((s) => s.id === b.section);
  return sa - sb || Number(!!b.headline) - Number(!!a.headline) || a.title.localeCompare(b.title);
});
