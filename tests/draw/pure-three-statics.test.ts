// The build's rewrite of three.core.js (vite.config.ts, pureThreeStatics): classes whose statics
// are set after the class body are wrapped in pure IIFEs. The rewrite must not change what the
// module does: every export and every static it sets is the same as in three's own file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { wrapClassStatics } from "../../vite.config";

async function load(code: string): Promise<Record<string, unknown>> {
  const file = join(mkdtempSync(join(tmpdir(), "statics-")), "m.mjs");
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
}

const SAMPLE = [
  "class Base {",
  "\tkind() { return this.Kind; }",
  "}",
  "function helper( x ) { return x * 2; }",
  "class Track extends Base {",
  "\tconstructor() { super(); this.v = helper( 2 ); }",
  "}",
  "Track.prototype.Kind = 'track';",
  "Track.TABLE = [",
  "\t1,",
  "\t2",
  "];",
  "export { Track };",
].join("\n");

describe("wrapClassStatics", () => {
  it("wraps a class with its trailing statics in a pure IIFE that behaves the same", async () => {
    const out = wrapClassStatics(SAMPLE);
    expect(out).toContain("const Track = /*@__PURE__*/ (() => { class Track extends Base {");
    expect(out).toContain("];\nreturn Track; })();");
    const { Track } = (await load(out)) as { Track: new () => { kind(): string; v: number } };
    const t = new Track();
    expect(t.kind()).toBe("track");
    expect(t.v).toBe(4);
    expect((Track as unknown as { TABLE: number[] }).TABLE).toEqual([1, 2]);
  });

  it("leaves a class alone when a declaration between it and its statics is used elsewhere", () => {
    const code = SAMPLE.replace("export { Track };", "export { Track, helper2 };").replace(
      "Track.prototype.Kind",
      "function helper2() { return 1; }\nTrack.prototype.Kind",
    );
    expect(wrapClassStatics(code)).toBe(code);
  });

  it("keeps every export and static of three.core.js as three sets them", async () => {
    const require = createRequire(import.meta.url);
    const path = join(require.resolve("three"), "..", "three.core.js");
    const original = readFileSync(path, "utf8");
    const out = wrapClassStatics(original);
    expect(out).toContain("const KeyframeTrack = /*@__PURE__*/ (() => {");
    expect(out).toContain("const PropertyBinding = /*@__PURE__*/ (() => {");
    const before = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as Record<
      string,
      { prototype?: Record<string, unknown> } & Record<string, unknown>
    >;
    const after = (await load(out)) as typeof before;
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // Every `Name.x = …` / `Name.prototype.x = …` statement in the file, compared by value.
    const statics = [...original.matchAll(/^([A-Z]\w*)\.(prototype\.)?(\w+) = /gm)];
    expect(statics.length).toBeGreaterThan(20);
    for (const [, name, proto, key] of statics) {
      const a = proto ? after[name!]!.prototype![key!] : after[name!]![key!];
      const b = proto ? before[name!]!.prototype![key!] : before[name!]![key!];
      expect(typeof a, `${name}.${proto ?? ""}${key}`).toBe(typeof b);
      if (typeof b !== "function" && typeof b !== "object") expect(a).toEqual(b);
    }
  });
});
