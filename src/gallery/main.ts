// The gallery: every registered scene, grouped by the source's sections, each with a picture, its
// title and one-line summary. It imports only the scenes' meta.ts, never their code (no three.js).
import "../kit/theme.css";
import "./gallery.css";
import { sceneMetas } from "../../scenes/registry";
import { SECTIONS } from "../kit/scene";
import { el } from "../kit/dom";
import { THEMES, type Theme } from "../kit/params";

const q = new URLSearchParams(location.search).get("theme");
const theme: Theme = (THEMES as readonly string[]).includes(q ?? "")
  ? (q as Theme)
  : matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
document.documentElement.dataset.theme = theme;

const header = el("header", { className: "g-header" }, [
  el("h1", { text: "Legible" }),
  el("p", {
    text: "Explorable scenes for the math behind machine learning: drag, predict, see it computed.",
  }),
]);
const themeBtn = el("button", { className: "g-theme", text: "◐ Theme" });
themeBtn.addEventListener("click", () => {
  const cur = document.documentElement.dataset.theme as Theme;
  document.documentElement.dataset.theme = THEMES[(THEMES.indexOf(cur) + 1) % THEMES.length];
});
header.append(themeBtn);
const main = el("main", { className: "g-main" });
for (const section of SECTIONS) {
  const metas = sceneMetas.filter((m) => m.section === section.id);
  if (!metas.length) continue;
  const list = el("ul", { className: "g-cards" });
  for (const m of metas) {
    const img = el("img");
    img.src = `./thumbs/${m.id}.png`;
    img.alt = "";
    img.loading = "lazy";
    img.width = 640;
    img.height = 400;
    img.addEventListener("error", () => img.classList.add("g-missing"));
    const link = el("a", { className: "g-card", href: `./scenes/${m.id}/` }, [
      el("div", { className: "g-pic" }, [img]),
      el("h3", { text: m.title }),
      el("p", { text: m.summary }),
    ]);
    link.dataset.scene = m.id;
    if (m.headline) link.classList.add("g-headline");
    list.append(el("li", {}, [link]));
  }
  const h2 = el("h2", { text: section.title, id: `s-${section.id}` });
  main.append(el("section", {}, [h2, list]));
}
const footer = el("footer", {
  className: "g-footer",
  text: "Every number on screen is computed by Legible's numeric core. Open source.",
});
document.body.append(header, main, footer);
document.documentElement.dataset.ready = "1";
