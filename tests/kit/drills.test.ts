// Drill answers (src/kit/drills.ts): a typed answer is right when it is within tolerance of the
// value the core computed, however a person writes the number.
import { describe, expect, test } from "vitest";
import { checkAnswer } from "../../src/kit/drills";

describe("checkAnswer", () => {
  test("accepts an answer within the tolerance, on either side", () => {
    expect(checkAnswer("5", 5, 0.01)).toBe(true);
    expect(checkAnswer("5.009", 5, 0.01)).toBe(true);
    expect(checkAnswer("4.991", 5, 0.01)).toBe(true);
    expect(checkAnswer("0.16", 1 / 6, 0.01)).toBe(true);
  });

  test("refuses an answer outside the tolerance", () => {
    expect(checkAnswer("5.02", 5, 0.01)).toBe(false);
    expect(checkAnswer("-5", 5, 0.01)).toBe(false);
    expect(checkAnswer("0.17", 1 / 6, 0.001)).toBe(false);
  });

  test("reads spaces, thin spaces, thousands commas and the typographic minus", () => {
    expect(checkAnswer(" 9 604 ", 9604, 0.5)).toBe(true);
    expect(checkAnswer("9\u2009604", 9604, 0.5)).toBe(true);
    expect(checkAnswer("9,604", 9604, 0.5)).toBe(true);
    expect(checkAnswer("\u22122.5", -2.5, 0.001)).toBe(true);
    expect(checkAnswer("1e-3", 0.001, 1e-9)).toBe(true);
  });

  test("an empty, non-numeric or hostile answer is never right", () => {
    for (const typed of ["", "   ", "five", "0x5", "NaN", "Infinity", "<img src=x>", "5 or 6"])
      expect(checkAnswer(typed, 5, 10), typed).toBe(false);
    expect(checkAnswer("1e309", Number.MAX_VALUE, Number.POSITIVE_INFINITY)).toBe(false);
  });
});
