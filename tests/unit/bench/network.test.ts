import { describe, expect, it } from 'vitest';
import { LINKS, sequentialRoundTrips } from '../../../scripts/bench/network';

describe('sequential round trips', () => {
  it('counts requests that overlap as one round trip', () => {
    expect(
      sequentialRoundTrips([
        { start: 0, end: 150 },
        { start: 10, end: 160 },
        { start: 20, end: 400 },
      ]),
    ).toBe(1);
  });

  it('counts a request started after another was answered as the next round trip', () => {
    // HTML, then script and wasm in parallel, then the index after the script, then the results after the index.
    const chain = [
      { start: 0, end: 150 },
      { start: 151, end: 300 },
      { start: 152, end: 320 },
      { start: 301, end: 450 },
      { start: 451, end: 600 },
    ];
    expect(sequentialRoundTrips(chain)).toBe(4);
  });

  it('follows the longest chain, whatever the order the requests are listed in', () => {
    const spans = [
      { start: 400, end: 500 },
      { start: 0, end: 100 },
      { start: 0, end: 390 },
      { start: 200, end: 300 },
      { start: 100, end: 200 },
    ];
    expect(sequentialRoundTrips(spans)).toBe(4);
  });

  it('is zero without requests', () => {
    expect(sequentialRoundTrips([])).toBe(0);
  });
});

describe('the mobile link', () => {
  it('has the issue’s figures: 150 ms, 1.6 Mbit/s down and 750 kbit/s up, in bytes per second', () => {
    expect(LINKS.mobile).toEqual({ latencyMs: 150, downloadBytesPerSecond: 200_000, uploadBytesPerSecond: 93_750 });
  });
});
