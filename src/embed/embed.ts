// The embed loader (embed.js in the build): <legible-scene scene="gd-surface" eta="0.5"> creates an
// iframe of that scene with those params, and forwards later attribute changes as legible:set.
// Attributes that are not params of the scene are ignored by the scene (and named in its notice).

const BASE = new URL(/* @vite-ignore */ "./", import.meta.url);
const OWN = new Set(["scene", "width", "height", "title", "class", "style", "id"]);
const ID_RE = /^[a-z0-9-]{1,64}$/;

class LegibleScene extends HTMLElement {
  private frame: HTMLIFrameElement | null = null;
  private observer: MutationObserver | null = null;

  connectedCallback(): void {
    const id = this.getAttribute("scene") ?? "";
    if (!ID_RE.test(id)) {
      this.textContent =
        "legible-scene: the scene attribute must be a scene id such as linear-map.";
      return;
    }
    const url = new URL(`scenes/${id}/`, BASE);
    url.searchParams.set("embed", "1");
    for (const a of Array.from(this.attributes))
      if (!OWN.has(a.name)) url.searchParams.set(a.name, a.value);
    const frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = this.getAttribute("title") ?? `Legible scene: ${id}`;
    frame.style.width = this.getAttribute("width") ?? "100%";
    frame.style.height = this.getAttribute("height") ?? "520px";
    frame.style.border = "0";
    frame.setAttribute("allow", "fullscreen");
    frame.setAttribute("loading", "lazy");
    this.replaceChildren(frame);
    this.frame = frame;
    this.observer = new MutationObserver((records) => {
      const params: Record<string, string> = {};
      for (const r of records) {
        const name = r.attributeName;
        if (!name || OWN.has(name)) continue;
        const v = this.getAttribute(name);
        if (v !== null) params[name] = v;
      }
      if (Object.keys(params).length) this.send({ type: "legible:set", params });
    });
    this.observer.observe(this, { attributes: true });
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** Sends a message to the scene (same shapes as the postMessage API). */
  send(message: { type: string; params?: Record<string, unknown> }): void {
    this.frame?.contentWindow?.postMessage(message, BASE.origin);
  }
  play(): void {
    this.send({ type: "legible:play" });
  }
  pause(): void {
    this.send({ type: "legible:pause" });
  }
}

if (!customElements.get("legible-scene")) customElements.define("legible-scene", LegibleScene);
