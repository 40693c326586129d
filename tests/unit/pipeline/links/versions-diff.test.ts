import { describe, expect, it } from 'vitest';
import type { DiffPart } from '../../../../src/model';
import { compareText, countDifferences, isPunctuation, withoutPunctuation } from '../../../../src/pipeline/links/diff';

const joined = (parts: DiffPart[], side: 'a' | 'b') => parts.map((p) => p[side]).join('');
const differences = (parts: DiffPart[]) => parts.filter((p) => p.op !== 'equal');

/** A small deterministic random generator (mulberry32), so the property cases are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compareText', () => {
  it('loses nothing: the a sides join to the first text and the b sides to the second', () => {
    const next = random(7);
    const alphabet = [...'工会职工维权服务，。、“”\n 12.%'];
    const text = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const a = text(Math.floor(next() * 40));
      const b = next() < 0.3 ? text(Math.floor(next() * 40)) : a.slice(0, 10) + text(3) + a.slice(12);
      const parts = compareText(a, b);
      expect(joined(parts, 'a')).toBe(a);
      expect(joined(parts, 'b')).toBe(b);
    }
  });

  it('never puts two equal runs or two differences next to each other, and never yields an empty run', () => {
    const next = random(11);
    const alphabet = [...'甲乙丙丁，、。'];
    const text = () => Array.from({ length: Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const parts = compareText(text(), text());
      for (const [k, p] of parts.entries()) {
        expect(p.a + p.b).not.toBe('');
        if (p.op === 'equal') expect(p.a).toBe(p.b);
        if (k > 0) expect(p.op === 'equal').not.toBe(parts[k - 1].op === 'equal');
      }
    }
  });

  it('merges a deletion next to an insertion into one replacement', () => {
    expect(compareText('推动健全机制', '推动完善机制')).toEqual([
      { op: 'equal', a: '推动', b: '推动' },
      { op: 'replace', a: '健全', b: '完善' },
      { op: 'equal', a: '机制', b: '机制' },
    ]);
  });

  it('tells text only in the first from text only in the second', () => {
    expect(differences(compareText('职工代表大会', '职代会'))).toEqual([
      { op: 'delete', a: '工', b: '' },
      { op: 'delete', a: '表大', b: '' },
    ]);
    expect(differences(compareText('中小企业', '中小微企业'))).toEqual([{ op: 'insert', a: '', b: '微' }]);
  });

  it('marks a difference of punctuation only, and not one of wording', () => {
    expect(differences(compareText('坚持底线思维,增强忧患意识', '坚持底线思维、增强忧患意识'))).toEqual([
      { op: 'replace', a: ',', b: '、', punctuation: true },
    ]);
    expect(differences(compareText('发扬斗争精神增强本领', '发扬斗争精神，增强本领'))).toEqual([{ op: 'insert', a: '', b: '，', punctuation: true }]);
    expect(differences(compareText('维权维稳', '维护维稳'))).toEqual([{ op: 'replace', a: '权', b: '护' }]);
  });

  it('counts a stretch mixing punctuation and wording as wording', () => {
    const [d] = differences(compareText('甲权,乙', '甲护、乙'));
    expect(d).toEqual({ op: 'replace', a: '权,', b: '护、' });
  });

  it('counts a decimal point or digit separator between digits as wording, since it changes the number', () => {
    expect(differences(compareText('达到1.6万家', '达到16万家'))).toEqual([{ op: 'delete', a: '.', b: '' }]);
    expect(differences(compareText('共1,000人', '共1000人'))).toEqual([{ op: 'delete', a: ',', b: '' }]);
    expect(differences(compareText('1万,2万', '1万、2万'))[0].punctuation).toBe(true);
  });

  it('gives no parts for two empty texts and one difference where one text is empty', () => {
    expect(compareText('', '')).toEqual([]);
    expect(compareText('', '新增')).toEqual([{ op: 'insert', a: '', b: '新增' }]);
    expect(compareText('删去', '')).toEqual([{ op: 'delete', a: '删去', b: '' }]);
  });
});

describe('countDifferences', () => {
  it('counts each difference once, as wording or as punctuation', () => {
    const parts = compareText('推动健全,完善机制。', '推动建立、完善的机制');
    const wording = differences(parts).filter((p) => !p.punctuation).length;
    const punctuation = differences(parts).filter((p) => p.punctuation).length;
    expect(countDifferences(parts)).toEqual({ wording, punctuation });
    expect(wording).toBeGreaterThan(0);
    expect(punctuation).toBeGreaterThan(0);
  });

  it('counts nothing in an equal comparison', () => {
    expect(countDifferences(compareText('一致的文字。', '一致的文字。'))).toEqual({ wording: 0, punctuation: 0 });
  });
});

describe('isPunctuation and withoutPunctuation', () => {
  it('takes Chinese and Western punctuation and spaces as punctuation', () => {
    expect(isPunctuation('，。、；：？！“”‘’（）《》〈〉【】—…·,.;:()\n 　')).toBe(true);
    expect(isPunctuation('')).toBe(true);
  });

  it('takes characters, digits and signs that carry meaning as wording', () => {
    for (const s of ['工', 'a', '1', '%', '％', '#', '&', '@']) expect(isPunctuation(s)).toBe(false);
  });

  it('keeps the wording of a text and drops its punctuation', () => {
    expect(withoutPunctuation('到2025年底,覆盖80%以上的“重点企业”。')).toBe('到2025年底覆盖80%以上的重点企业');
  });
});
