// Number formatting for readouts: a human text (significant digits, thin spaces, a proper minus)
// and a machine value for data-value (plain, round-trippable). Pure: no DOM.

/** A readout value: a number, a vector or matrix (row-major list), a status word, or undefined. */
export type ReadoutValue = number | readonly number[] | string | null;

export interface Readout {
  /** Contract name from SCENES.md (kebab-case). */
  name: string;
  /** What a person reads next to the value, e.g. "λ₁". */
  label: string;
  value: ReadoutValue;
  /** Overrides the formatted value (e.g. "a ± bi", "diverged at step 12"). */
  text?: string;
  /** Significant digits for the human text (default 4). */
  digits?: number;
  /** When the value is null: why it is undefined, shown to the person. */
  why?: string;
  /** Unit or suffix, e.g. "%" or "°". */
  unit?: string;
}

const MINUS = "\u2212";

/** Formats a number for people: `digits` significant digits, exponent form when huge or tiny. */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return "—";
  if (v === 0 || Object.is(v, -0)) return "0";
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e6 || a < 1e-4) {
    const [m, e] = v.toExponential(Math.max(0, digits - 1)).split("e");
    s = `${trimZeros(m)}×10${superscript(e)}`;
  } else if (Number.isInteger(v) && a < 1e6) {
    s = groupThousands(String(Math.abs(v)));
    if (v < 0) s = `-${s}`;
  } else {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
    s = trimZeros(v.toFixed(Math.min(decimals, 12)));
    const [intPart, frac] = s.replace("-", "").split(".");
    s = (v < 0 ? "-" : "") + groupThousands(intPart) + (frac ? `.${frac}` : "");
  }
  return s.replace(/^-/, MINUS);
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

function groupThousands(intPart: string): string {
  return intPart.length > 4 ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, "\u2009") : intPart;
}

const SUP: Record<string, string> = {
  "-": "\u207b",
  "+": "",
  "0": "\u2070",
  "1": "\u00b9",
  "2": "\u00b2",
  "3": "\u00b3",
  "4": "\u2074",
  "5": "\u2075",
  "6": "\u2076",
  "7": "\u2077",
  "8": "\u2078",
  "9": "\u2079",
};

function superscript(e: string): string {
  return [...e].map((c) => SUP[c] ?? c).join("");
}

/** The machine value for data-value: plain numbers, comma-joined lists, words; "undefined" for null. */
export function machineValue(v: ReadoutValue): string {
  if (v === null) return "undefined";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "undefined";
  return v.map((x) => (Number.isFinite(x) ? String(x) : "undefined")).join(",");
}

/** The human text of a readout. Non-finite numbers never reach the screen: they read as "—". */
export function humanValue(r: Readout): string {
  if (r.text !== undefined) return r.text;
  const v = r.value;
  const unit = r.unit ?? "";
  if (v === null) return "undefined";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v, r.digits) + unit;
  return `(${v.map((x) => formatNumber(x, r.digits)).join(", ")})${unit}`;
}

// A number as formatNumber writes it (minus, digits in thin-spaced groups, a decimal point, an
// exponent ×10⁻¹¹), with an opening bracket before it and closing marks after it.
const NUMBER_RUN =
  /[([]?[\u2212-]?\d(?:[\d.]|\u2009(?=\d))*(?:×10[\u207b\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)?[%)\],;:]*/g;

/**
 * Splits a readout's text into runs, marking each number (with the brackets and commas that touch
 * it) as one that must not be broken across lines: "(−2.021×10⁻¹¹, 1.2)" may wrap after the
 * comma, never before it, and "16 384" never at its thin space. Joined, the runs are the text.
 */
export function numberRuns(text: string): { text: string; number: boolean }[] {
  const out: { text: string; number: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER_RUN)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), number: false });
    out.push({ text: m[0], number: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), number: false });
  return out;
}

/** True when a readout carries a non-finite number (a bug the contract tests catch). */
export function hasNonFinite(r: Readout): boolean {
  const v = r.value;
  if (typeof v === "number") return !Number.isFinite(v);
  if (Array.isArray(v)) return v.some((x) => !Number.isFinite(x));
  return false;
}

/** A number for a KaTeX formula: the same digits as formatNumber, in TeX (−, ×10^{e}, \,). */
export function texNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return "\\text{—}";
  return formatNumber(v, digits)
    .replace(/\u2212/g, "-")
    .replace(/\u2009/g, "\\,")
    .replace(/×10([\u207b\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)/, (_, e: string) => {
      const plain = [...e].map((c) => Object.keys(SUP).find((k) => SUP[k] === c) ?? "").join("");
      return `\\times 10^{${plain}}`;
    });
}
