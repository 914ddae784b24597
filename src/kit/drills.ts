// Drills: predict first, then reveal. Numeric answers are checked with a tolerance against values
// computed by src/core; prose answers are revealed. "Show me" applies the drill's preset, so the
// scene itself demonstrates the answer.
import { formatNumber } from "./format";
import { parseDecimal } from "./params";
import type { Drill } from "./scene";
import { el } from "./dom";

/** True when a typed answer is within tolerance of the computed value (commas and spaces allowed). */
export function checkAnswer(typed: string, value: number, tol: number): boolean {
  const v = parseDecimal(
    typed
      .replace(/[\s\u2009]/g, "")
      .replace(/,(?=\d{3}\b)/g, "")
      .replace("\u2212", "-"),
  );
  return v !== null && Math.abs(v - value) <= tol;
}

export function renderDrills(
  box: HTMLElement,
  drills: readonly Drill[],
  applyPreset: (name: string) => void,
): void {
  box.append(el("h2", { text: "Drills" }));
  for (const d of drills) {
    const card = el("article", { className: "lg-drill" });
    card.dataset.drill = d.id;
    card.append(el("h3", { text: d.title }), el("p", { text: d.question }));
    const answer = el("p", { className: "lg-answer" });
    answer.hidden = true;
    const inputs: {
      input: HTMLInputElement;
      verdict: HTMLElement;
      field: NonNullable<Drill["fields"]>[number];
    }[] = [];
    for (const f of d.fields ?? []) {
      const input = el("input");
      input.inputMode = "decimal";
      input.autocomplete = "off";
      const verdict = el("span", { className: "lg-verdict" });
      verdict.setAttribute("aria-live", "polite");
      card.append(el("label", {}, [el("span", { text: f.label }), input, verdict]));
      inputs.push({ input, verdict, field: f });
    }
    const buttons = el("div", { className: "lg-buttons" });
    if (inputs.length) {
      const check = el("button", { className: "lg-btn", text: "Check" });
      check.addEventListener("click", () => {
        for (const { input, verdict, field } of inputs) {
          const ok = checkAnswer(input.value, field.value(), field.tol);
          verdict.textContent = ok ? "✓ right" : input.value.trim() ? "✗ not quite" : "";
          verdict.className = `lg-verdict ${ok ? "ok" : "no"}`;
        }
      });
      buttons.append(check);
      for (const { input } of inputs)
        input.addEventListener("keydown", (e) => {
          if (e.key === "Enter") check.click();
        });
    }
    const reveal = el("button", { className: "lg-btn", text: "Reveal answer" });
    reveal.addEventListener("click", () => {
      const numbers = (d.fields ?? []).map((f) => `${f.label} = ${formatNumber(f.value(), 6)}`);
      answer.textContent = [numbers.join("; "), d.answer()].filter(Boolean).join(". ");
      answer.hidden = false;
    });
    buttons.append(reveal);
    if (d.preset) {
      const preset = d.preset;
      const show = el("button", { className: "lg-btn", text: "Show me" });
      show.addEventListener("click", () => applyPreset(preset));
      buttons.append(show);
    }
    card.append(buttons, answer);
    box.append(card);
  }
}
