import { describe, expect, it } from 'vitest';
import { createRng, subSeed } from '../../../scripts/bench/rng';

describe('the seeded random number generator', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it('gives another sequence for another seed', () => {
    const a = createRng(1);
    const b = createRng(2);
    expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('draws floats in [0, 1) and integers within their bounds, both included', () => {
    const rng = createRng(7);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      ints.add(rng.int(2, 6));
    }
    expect([...ints].sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('samples distinct elements, and all of them when asked for more than there are', () => {
    const rng = createRng(3);
    const s = rng.sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(s).size).toBe(5);
    expect(rng.sample(['a', 'b'], 5).sort()).toEqual(['a', 'b']);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('derives a stable sub-seed per label', () => {
    expect(subSeed(1, 'substrings')).toBe(subSeed(1, 'substrings'));
    expect(subSeed(1, 'substrings')).not.toBe(subSeed(1, 'compounds'));
    expect(subSeed(1, 'substrings')).not.toBe(subSeed(2, 'substrings'));
  });
});
