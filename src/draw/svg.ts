// SVG element helpers: create and set attributes without ever parsing markup.

export const SVG_NS = "http://www.w3.org/2000/svg";

export type Attrs = Record<string, string | number | null | undefined>;

/** Sets attributes; null/undefined removes one. Non-finite numbers are never written. */
export function attrs<E extends Element>(node: E, a: Attrs): E {
  for (const [k, v] of Object.entries(a)) {
    if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)))
      node.removeAttribute(k);
    else {
      // Writing a value that is already there is not free: an SVG presentation attribute
      // (fill, stroke, opacity …) invalidates the element's style even when it is unchanged.
      const s = String(v);
      if (node.getAttribute(k) !== s) node.setAttribute(k, s);
    }
  }
  return node;
}

/** Creates an SVG element with attributes, appended to parent when given. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  a: Attrs = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  attrs(node, a);
  parent?.appendChild(node);
  return node;
}

/** Sets an SVG text element's content (text only). */
export function text(node: SVGTextElement, s: string): SVGTextElement {
  node.textContent = s;
  return node;
}

/** A path string through points in pixels; breaks the line at non-finite points. */
export function polyline(points: readonly (readonly [number, number])[]): string {
  let d = "";
  let pen = false;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${x.toFixed(2)},${y.toFixed(2)}`;
    pen = true;
  }
  return d;
}
