// The vector module: norms, angles, projections and the small matrix helpers, checked by the
// identities they must satisfy (fast-check with fixed seeds) rather than by stored numbers.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  add,
  angle,
  cross3,
  det2,
  det3,
  dot,
  mat2Apply,
  mat2Mul,
  mat3Apply,
  mat3Mul,
  norm1,
  norm2,
  normInf,
  normP,
  projectOnto,
  scale,
  sub,
  trace2,
  trace3,
  type Mat2,
  type Mat3,
  type Vec2,
  type Vec3,
} from "../../src/core/vec";

const RUNS = { seed: 42, numRuns: 200 };

const entry = fc.double({ min: -1e3, max: 1e3, noNaN: true });
const small = fc.double({ min: -10, max: 10, noNaN: true });
const vector = fc.array(entry, { minLength: 1, maxLength: 8 });
const vecPair = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.tuple(
      fc.array(entry, { minLength: n, maxLength: n }),
      fc.array(entry, { minLength: n, maxLength: n }),
    ),
  );
const vec2 = fc.tuple(entry, entry) as fc.Arbitrary<Vec2>;
const vec3 = fc.tuple(entry, entry, entry) as fc.Arbitrary<Vec3>;
const mat2 = fc.tuple(small, small, small, small) as fc.Arbitrary<Mat2>;
const mat3 = fc.array(small, { minLength: 9, maxLength: 9 }) as unknown as fc.Arbitrary<Mat3>;

/** |a − b| ≤ tol, with a message that shows both numbers. */
function near(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

describe("norms", () => {
  test("‖x‖∞ ≤ ‖x‖₂ ≤ ‖x‖₁ for every vector", () => {
    fc.assert(
      fc.property(vector, (x) => {
        const rel = 1 + 1e-12;
        expect(normInf(x)).toBeLessThanOrEqual(norm2(x) * rel);
        expect(norm2(x)).toBeLessThanOrEqual(norm1(x) * rel);
        expect(norm1(x)).toBeLessThanOrEqual(x.length * normInf(x) * rel);
      }),
      RUNS,
    );
  });

  test("normP agrees with norm1, norm2 and normInf at p = 1, 2 and ∞", () => {
    fc.assert(
      fc.property(vector, (x) => {
        expect(normP(x, 1)).toBe(norm1(x));
        expect(normP(x, 2)).toBe(norm2(x));
        expect(normP(x, Infinity)).toBe(normInf(x));
      }),
      RUNS,
    );
  });

  test("‖x‖ₚ is non-increasing in p, from the p < 1 quasi-norm down to ‖x‖∞", () => {
    const ps = [0.5, 1, 1.5, 2, 3, 10, 100, Infinity];
    fc.assert(
      fc.property(vector, (x) => {
        const values = ps.map((p) => normP(x, p));
        for (let i = 1; i < values.length; i++) {
          expect(values[i]).toBeLessThanOrEqual(values[i - 1] * (1 + 1e-12));
        }
      }),
      RUNS,
    );
  });

  test("norm2 is the Euclidean length √(xᵀx)", () => {
    fc.assert(
      fc.property(vector, (x) => {
        near(norm2(x), Math.sqrt(dot(x, x)), 1e-12 * (1 + norm2(x)));
      }),
      RUNS,
    );
  });

  test("factoring out the largest entry keeps huge and tiny vectors from overflowing or underflowing", () => {
    const big = [3e300, 4e300];
    const tiny = [3e-300, 4e-300];
    near(norm2(big) / 1e300, Math.hypot(3, 4), 1e-12);
    near(norm2(tiny) / 1e-300, Math.hypot(3, 4), 1e-12);
    near(normP(big, 3) / 1e300, (3 ** 3 + 4 ** 3) ** (1 / 3), 1e-12);
    near(normP(tiny, 0.5) / 1e-300, (Math.sqrt(3) + Math.sqrt(4)) ** 2, 1e-12);
  });

  test("the zero vector has norm 0 for every p, with no NaN", () => {
    for (const p of [0.25, 0.5, 1, 2, 7, Infinity]) expect(normP([0, 0, 0], p)).toBe(0);
  });

  test("normP rejects p ≤ 0 and p = NaN, and every norm rejects non-finite entries", () => {
    for (const p of [0, -1, NaN, -Infinity]) expect(() => normP([1, 2], p)).toThrow(RangeError);
    expect(() => norm2([1, NaN])).toThrow(/entry 1 .* finite/);
    expect(() => norm1([Infinity])).toThrow(RangeError);
    expect(() => normP([1, Infinity], 3)).toThrow(RangeError);
  });
});

describe("dot, angle and projection", () => {
  test("xᵀy = ‖x‖‖y‖cos θ for every pair of non-zero vectors", () => {
    fc.assert(
      fc.property(
        vecPair.filter(([x, y]) => norm2(x) > 1e-3 && norm2(y) > 1e-3),
        ([x, y]) => {
          const theta = angle(x, y);
          expect(theta).not.toBeNull();
          near(
            dot(x, y),
            norm2(x) * norm2(y) * Math.cos(theta as number),
            1e-9 * norm2(x) * norm2(y),
          );
        },
      ),
      RUNS,
    );
  });

  test("the angle lies in [0, π] and is symmetric in its arguments", () => {
    fc.assert(
      fc.property(vecPair, ([x, y]) => {
        const t = angle(x, y);
        expect(t).toBe(angle(y, x));
        if (t !== null) {
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThanOrEqual(Math.PI);
        }
      }),
      RUNS,
    );
  });

  test("parallel vectors make angle 0, opposite ones π and a quarter turn π/2", () => {
    fc.assert(
      fc.property(
        vec2.filter((v) => norm2(v) > 1e-6),
        fc.double({ min: 0.1, max: 10 }),
        (v, k) => {
          near(angle(v, scale(v, k)) as number, 0, 1e-7);
          near(angle(v, scale(v, -k)) as number, Math.PI, 1e-7);
          near(angle(v, [-v[1], v[0]]) as number, Math.PI / 2, 1e-12);
        },
      ),
      RUNS,
    );
  });

  test("the angle stays accurate for nearly parallel vectors, where acos(cos θ) returns 0", () => {
    const eps = 1e-10;
    near(angle([1, 0], [1, eps]) as number, Math.atan2(eps, 1), 1e-22);
  });

  test("the angle with a zero vector is null, never NaN", () => {
    expect(angle([0, 0], [1, 2])).toBeNull();
    expect(angle([1, 2, 3], [0, 0, 0])).toBeNull();
  });

  test("y minus its projection onto x is orthogonal to x, and the projection is a multiple of x", () => {
    fc.assert(
      fc.property(
        vecPair.filter(([, x]) => norm2(x) > 1e-3),
        ([y, x]) => {
          const p = projectOnto(y, x);
          const r = sub(y, p);
          near(dot(r, x), 0, 1e-9 * norm2(x) * norm2(y) + 1e-12);
          near(Math.abs(dot(p, x)), norm2(p) * norm2(x), 1e-9 * norm2(p) * norm2(x) + 1e-12);
        },
      ),
      RUNS,
    );
  });

  test("projecting onto the zero vector gives the zero vector", () => {
    expect(projectOnto([3, 4], [0, 0])).toEqual([0, 0]);
  });

  test("a subnormal x still spans its line: the projection and the angle are those of x/max|xᵢ|", () => {
    const tiny: Vec2 = [-5e-324, -5e-324];
    const p = projectOnto([0, -0.001], tiny);
    const q = projectOnto([0, -0.001], [-1, -1]);
    near(p[0], q[0], 1e-18);
    near(p[1], q[1], 1e-18);
    near(angle(tiny, [1, 0]) as number, angle([-1, -1], [1, 0]) as number, 1e-15);
  });

  test("projecting twice changes nothing (a projection is idempotent)", () => {
    fc.assert(
      fc.property(
        vecPair.filter(([, x]) => norm2(x) > 1e-3),
        ([y, x]) => {
          const p = projectOnto(y, x);
          const pp = projectOnto(p, x);
          for (let i = 0; i < p.length; i++) near(pp[i], p[i], 1e-9 * (1 + norm2(y)));
        },
      ),
      RUNS,
    );
  });

  test("add and sub undo each other, and scale distributes over add", () => {
    fc.assert(
      fc.property(vecPair, small, ([x, y], k) => {
        const back = sub(add(x, y), y);
        for (let i = 0; i < x.length; i++)
          near(back[i], x[i], 1e-12 * (1 + normInf(x) + normInf(y)));
        const lhs = scale(add(x, y), k);
        const rhs = add(scale(x, k), scale(y, k));
        for (let i = 0; i < x.length; i++)
          near(lhs[i], rhs[i], 1e-12 * (1 + Math.abs(k)) * (1 + normInf(x) + normInf(y)));
      }),
      RUNS,
    );
  });

  test("vectors of different lengths and non-finite entries throw a RangeError", () => {
    expect(() => dot([1, 2], [1, 2, 3])).toThrow(/different lengths/);
    expect(() => add([1, 2], [1])).toThrow(RangeError);
    expect(() => angle([NaN, 1], [1, 1])).toThrow(RangeError);
    expect(() => scale([1, 2], Infinity)).toThrow(RangeError);
    expect(() => projectOnto([1, 2], [Infinity, 0])).toThrow(RangeError);
  });
});

describe("2×2 and 3×3 matrices", () => {
  test("applying mat2Mul(A, B) is applying B and then A", () => {
    fc.assert(
      fc.property(mat2, mat2, vec2, (a, b, v) => {
        const lhs = mat2Apply(mat2Mul(a, b), v);
        const rhs = mat2Apply(a, mat2Apply(b, v));
        const tol = 1e-12 * 100 * (1 + norm2(v));
        near(lhs[0], rhs[0], tol);
        near(lhs[1], rhs[1], tol);
      }),
      RUNS,
    );
  });

  test("det2(AB) = det2(A)·det2(B) and trace2(A + B) = trace2(A) + trace2(B)", () => {
    fc.assert(
      fc.property(mat2, mat2, (a, b) => {
        const scaleAB = (1 + normInf(a)) ** 2 * (1 + normInf(b)) ** 2;
        near(det2(mat2Mul(a, b)), det2(a) * det2(b), 1e-12 * scaleAB);
        near(trace2(add(a, b)), trace2(a) + trace2(b), 1e-12 * (1 + normInf(a) + normInf(b)));
      }),
      RUNS,
    );
  });

  test("det2 is the signed area spanned by the images of the basis vectors (the columns)", () => {
    fc.assert(
      fc.property(mat2, (a) => {
        const c1 = mat2Apply(a, [1, 0]);
        const c2 = mat2Apply(a, [0, 1]);
        near(det2(a), c1[0] * c2[1] - c1[1] * c2[0], 0);
      }),
      RUNS,
    );
  });

  test("applying mat3Mul(A, B) is applying B and then A, and det3 is multiplicative", () => {
    fc.assert(
      fc.property(mat3, mat3, vec3, (a, b, v) => {
        const lhs = mat3Apply(mat3Mul(a, b), v);
        const rhs = mat3Apply(a, mat3Apply(b, v));
        for (let i = 0; i < 3; i++) near(lhs[i], rhs[i], 1e-12 * 1000 * (1 + norm2(v)));
        const scaleAB = (1 + normInf(a)) ** 3 * (1 + normInf(b)) ** 3;
        near(det3(mat3Mul(a, b)), det3(a) * det3(b), 1e-12 * scaleAB);
        near(trace3(add(a, b)), trace3(a) + trace3(b), 1e-12 * (1 + normInf(a) + normInf(b)));
      }),
      RUNS,
    );
  });

  test("det3 is the triple product c₁ · (c₂ × c₃) of the images of the basis vectors", () => {
    fc.assert(
      fc.property(mat3, (a) => {
        const c1 = mat3Apply(a, [1, 0, 0]);
        const c2 = mat3Apply(a, [0, 1, 0]);
        const c3 = mat3Apply(a, [0, 0, 1]);
        near(det3(a), dot(c1, cross3(c2, c3)), 1e-12 * (1 + normInf(a)) ** 3);
      }),
      RUNS,
    );
  });

  test("a × b is orthogonal to a and b and has length ‖a‖‖b‖ sin θ", () => {
    fc.assert(
      fc.property(
        vec3.filter((v) => norm2(v) > 1e-3),
        vec3.filter((v) => norm2(v) > 1e-3),
        (a, b) => {
          const c = cross3(a, b);
          const ab = norm2(a) * norm2(b);
          near(dot(c, a), 0, 1e-12 * ab * norm2(a));
          near(dot(c, b), 0, 1e-12 * ab * norm2(b));
          near(norm2(c), ab * Math.sin(angle(a, b) as number), 1e-9 * ab);
        },
      ),
      RUNS,
    );
  });

  test("matrix helpers reject non-finite entries with a RangeError", () => {
    expect(() => det2([1, 2, NaN, 4])).toThrow(/entry 2 of the matrix/);
    expect(() => mat2Apply([1, 0, 0, 1], [Infinity, 0])).toThrow(RangeError);
    expect(() => det3([1, 0, 0, 0, 1, 0, 0, 0, NaN])).toThrow(RangeError);
    expect(() => cross3([1, 2, 3], [NaN, 0, 0])).toThrow(RangeError);
  });
});
