import { describe, expect, it } from 'vitest';
import { formatScaleTable } from '../../../scripts/bench-scale';
import { durationIn, medianStages, stageTimes, treeRss } from '../../../scripts/bench/scale/measure';
import { copyFileName, copyMeta, cutLines, encipher, encipherLines, isReplaceable, makeCipher, vocabulary } from '../../../scripts/bench/scale/synthesize';

describe('the synthetic library', () => {
  const vocab = ['工会', '职工', '组织', '服务', '建设', '基层工会', '劳动关系', '权益'];

  it('maps every word to a word of the same length, one to one', () => {
    const cipher = makeCipher(vocab, 7);
    expect([...cipher.keys()].sort()).toEqual([...vocab].sort());
    expect(new Set(cipher.values()).size).toBe(vocab.length);
    for (const [from, to] of cipher) expect([...to].length).toBe([...from].length);
  });

  it('draws another cipher for another seed and the same one for the same seed', () => {
    const big = Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x4e00 + i * 2, 0x4e01 + i * 2));
    expect([...makeCipher(big, 1)]).toEqual([...makeCipher(big, 1)]);
    const a = makeCipher(big, 1);
    const b = makeCipher(big, 2);
    expect(big.filter((w) => a.get(w) !== b.get(w)).length).toBeGreaterThan(150);
  });

  it('keeps numbering, numerals, field labels, punctuation and digits as they are', () => {
    for (const w of ['一是', '三', '十二', '牵头单位', '摘要', '文件', '号', '年', '14', '（', '。', '2014']) expect(isReplaceable(w)).toBe(false);
    const tokens = ['一是', '工会', '牵头单位', '：', '组织', '2014', '年'];
    const cipher = makeCipher(vocabulary([tokens]), 3);
    const out = encipher(tokens, cipher);
    expect(out.startsWith('一是')).toBe(true);
    expect(out).toContain('牵头单位：');
    expect(out.endsWith('2014年')).toBe(true);
    expect(out.length).toBe(tokens.join('').length);
  });

  it('keeps page-furniture lines whole and rejoins the lines', () => {
    const text = '（上接第2版）\n工会组织\n职工服务';
    const lines = cutLines(
      text,
      (l) => l.match(/../g) ?? [],
      (l) => l.startsWith('（上接'),
    );
    expect(lines[0]).toEqual(['（上接第2版）']);
    const cipher = makeCipher(vocabulary(lines), 5);
    const out = encipherLines(lines, cipher);
    expect(out.split('\n')).toHaveLength(3);
    expect(out.split('\n')[0]).toBe('（上接第2版）');
    expect(encipherLines(lines, new Map())).toBe(text);
  });

  it('gives each copy its own file name and document ids, and marks editorial titles', () => {
    expect(copyFileName('004_x.txt', 0)).toBe('004_x.txt');
    expect(copyFileName('004_x.txt', 7)).toBe('s007-004_x.txt');
    const meta = copyMeta({ source: '004_x.txt', documents: [{ id: 'a', title: '标题', kind: '通知' }, { id: 'b' }] }, 's007-004_x.txt', 7);
    expect(meta.source).toBe('s007-004_x.txt');
    expect(meta.documents.map((d) => d.id)).toEqual(['a-s7', 'b-s7']);
    expect(meta.documents[0]!.title).toBe('标题（合成副本7）');
    expect(meta.documents[1]!.title).toBeUndefined();
  });
});

describe('the build measurements', () => {
  it('reads durations printed as ms or s', () => {
    expect(durationIn('Search lexicon: 3 words (812 ms).')).toBe(812);
    expect(durationIn('x (1 ms) then (1.25 s).')).toBe(1250);
    expect(durationIn('no duration')).toBeNaN();
  });

  it('derives the stage times from the arrival times of the log lines', () => {
    const lines = [
      { t: 5000, text: '[tiaowen] stage parse: 7 documents, 237 clauses in 1000 ms' },
      { t: 6000, text: '[tiaowen] stage segment: keywords of 237 clauses in 1000 ms' },
      { t: 6500, text: '[tiaowen] stage link: 500 ms' },
      { t: 10000, text: '[tiaowen:search] Search lexicon: 10 words (1.00 s).' },
      { t: 12000, text: '[tiaowen:search] Pagefind finished in 2 s.' },
    ];
    expect(stageTimes(lines, 12500)).toEqual({ setup: 4000, parse: 1000, segment: 1000, link: 500, pages: 2500, index: 3000, bundle: 500, total: 12500 });
  });

  it('takes each stage’s median over several builds', () => {
    const run = (link: number, pages: number) => ({ setup: 1, parse: 2, segment: 3, link, pages, index: 4, bundle: 5, total: 6 });
    expect(medianStages([run(30, 9), run(10, 7), run(20, 8)])).toEqual(run(20, 8));
  });

  it('gives each figure with its growth from the column before', () => {
    const result = (factor: number, clauses: number, linkMs: number) => ({
      factor,
      documents: factor * 7,
      clauses,
      pages: clauses,
      siteBytes: 1,
      indexBytes: 1,
      zipBytes: 1,
      build: { ok: true, peakBytes: 1, stages: { setup: 0, parse: 0, segment: 0, link: linkMs, pages: 0, index: 0, bundle: 0, total: linkMs } },
    });
    const table = formatScaleTable([result(1, 237, 200), result(10, 2370, 2000), result(100, 23700, 15000)]);
    const row = (label: string) => table.split('\n').find((l) => l.trimStart().startsWith(label))!;
    expect(row('documents / clauses')).toMatch(/7 \/ 237 +70 \/ 2370 \(10\.0×\) +700 \/ 23700 \(10\.0×\)$/);
    expect(row('link s')).toMatch(/0\.2 +2\.0 \(10\.0×\) +15\.0 \(7\.5×\)$/);
  });

  it('counts the memory of this process', () => {
    const rss = treeRss(process.pid);
    if (rss === 0) return; // no /proc on this system
    expect(rss).toBeGreaterThan(10 * 1024 * 1024);
  });
});
