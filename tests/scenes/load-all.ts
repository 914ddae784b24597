// Every registered scene module, loaded for the tests that loop over the registry. A module that
// fails to load comes back with its error, so it becomes a failing test, not a crashed file.
import { sceneLoaders } from "../../scenes/loaders";
import type { AnyScene } from "../../src/kit/scene";

export type LoadedScene =
  { id: string; scene: AnyScene; error: null } | { id: string; scene: null; error: unknown };

export function loadAllScenes(): Promise<LoadedScene[]> {
  return Promise.all(
    Object.entries(sceneLoaders).map(async ([id, load]): Promise<LoadedScene> => {
      try {
        return { id, scene: await load(), error: null };
      } catch (error) {
        return { id, scene: null, error };
      }
    }),
  );
}
