import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseRecord, Library, VersionComparison } from '../../../../src/model';
import { isPunctuation } from '../../../../src/pipeline/links/diff';
import {
  alignClauses,
  compareClauses,
  compareVersions,
  documentPairs,
  shingleHashes,
  VERSION_SIMILARITY,
  type AlignableClause,
} from '../../../../src/pipeline/links/versions';
import { META, fromSeeds, repositoryLibrary } from '../helpers';

const local = (id: string) => id.slice(id.indexOf('/'));

describe('versions in the five seed sources', () => {
  let library: Library;
  let pair: VersionComparison;
  /** The five seed sources' documents (the library may hold more). */
  let seedDocs: Library['documents'];
  const isSeedDoc = (id: string) => seedDocs.some((d) => d.id === id);
  const clausesOf = (doc: string) => library.clauses.filter((c) => c.doc === doc);
  const byId = (id: string) => library.clauses.find((c) => c.id === id)!;

  beforeAll(() => {
    library = repositoryLibrary();
    seedDocs = library.documents.filter(fromSeeds);
    pair = library.comparisons.find((c) => c.a === 'plan14-a' && c.b === 'plan14-b')!;
  });

  it('finds exactly one pair of transcriptions: the two transcriptions of the plan', () => {
    expect(library.comparisons.filter((c) => isSeedDoc(c.a) && isSeedDoc(c.b)).map((c) => [c.a, c.b])).toEqual([['plan14-a', 'plan14-b']]);
    expect(pair.id).toBe('plan14-a--plan14-b');
    expect(pair.url).toBe('/compare/plan14-a--plan14-b.html');
  });

  it('tells the pair from every other pair of documents by a wide margin', () => {
    const others: number[] = [];
    seedDocs.forEach((a, i) => {
      for (const b of seedDocs.slice(i + 1)) if (!(a.id === pair.a && b.id === pair.b)) others.push(alignClauses(clausesOf(a.id), clausesOf(b.id)).similarity);
    });
    expect(others).toHaveLength(20);
    expect(pair.similarity).toBeGreaterThan(VERSION_SIMILARITY + 0.3);
    expect(Math.max(...others)).toBeLessThan(VERSION_SIMILARITY - 0.25);
  });

  it('finds the pair from the content alone, whatever the documents are called and in whatever order', () => {
    const rename = (id: string) => (id.startsWith('plan14-a') ? id.replace('plan14-a', 'zz') : id.replace('plan14-b', 'yy'));
    const documents = [...seedDocs].reverse().map((d) => ({ ...d, id: rename(d.id), title: 'x', version: undefined }));
    const clauses = library.clauses.filter(fromSeeds).map((c) => ({ ...c, id: rename(c.id), doc: rename(c.doc) }));
    const found = compareVersions(documents, clauses);
    expect(found.map((c) => [c.a, c.b])).toEqual([['yy', 'zz']]);
    expect(found[0].rows.filter((r) => r.a && r.b)).toHaveLength(pair.rows.filter((r) => r.a && r.b).length);
  });

  it('names no work in the metadata: which documents are versions comes from their content', () => {
    const dir = META;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const meta = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      for (const doc of meta.documents) expect(doc).not.toHaveProperty('work');
    }
    const work = (id: string) => library.documents.find((d) => d.id === id)!.work;
    expect(work(pair.a)).toBeTruthy();
    expect(work(pair.b)).toBe(work(pair.a));
    const sharing = seedDocs.filter((d) => d.work && seedDocs.some((o) => o !== d && o.work === d.work));
    expect(sharing.map((d) => d.id)).toEqual([pair.a, pair.b]);
  });

  it('puts every clause of both transcriptions in exactly one row, in reading order', () => {
    expect(pair.rows.flatMap((r) => (r.a ? [r.a] : []))).toEqual(clausesOf(pair.a).map((c) => c.id));
    expect(pair.rows.flatMap((r) => (r.b ? [r.b] : []))).toEqual(clausesOf(pair.b).map((c) => c.id));
  });

  it('pairs clauses of the same number, indicator-table rows included', () => {
    const paired = pair.rows.filter((r) => r.a && r.b);
    for (const r of paired) expect(local(r.a!)).toBe(local(r.b!));
    expect(paired.some((r) => r.a!.includes('/zb/'))).toBe(true);
  });

  it('leaves unpaired only the clauses that one transcription lacks: 36 and 37, where A breaks off', () => {
    expect(pair.rows.filter((r) => !r.a || !r.b)).toEqual([
      { a: null, b: 'plan14-b/10/36', wording: 0, punctuation: 0 },
      { a: null, b: 'plan14-b/10/37', wording: 0, punctuation: 0 },
    ]);
  });

  it('compares heading and text of each pair without losing a character', () => {
    for (const r of pair.rows.filter((row) => row.a && row.b)) {
      const [a, b] = [byId(r.a!), byId(r.b!)];
      expect(r.parts!.map((p) => p.a).join('')).toBe(a.text);
      expect(r.parts!.map((p) => p.b).join('')).toBe(b.text);
      expect((r.heading ?? []).map((p) => p.a).join('')).toBe(a.heading ?? '');
      expect((r.heading ?? []).map((p) => p.b).join('')).toBe(b.heading ?? '');
    }
  });

  it('counts differences exactly where the two clauses differ, and tells punctuation from wording', () => {
    let punctuation = 0;
    for (const r of pair.rows.filter((row) => row.a && row.b)) {
      const [a, b] = [byId(r.a!), byId(r.b!)];
      const same = a.text === b.text && (a.heading ?? '') === (b.heading ?? '');
      expect(r.wording + r.punctuation === 0).toBe(same);
      for (const p of [...(r.heading ?? []), ...r.parts!].filter((part) => part.op !== 'equal')) expect(p.punctuation === true).toBe(isPunctuation(p.a + p.b));
      punctuation += r.punctuation;
    }
    expect(punctuation).toBeGreaterThan(0);
  });

  it('links each paired clause to its counterpart in the open data, both ways', () => {
    for (const r of pair.rows.filter((row) => row.a && row.b)) {
      expect(byId(r.a!).links).toContainEqual({ rel: 'version', id: r.b });
      expect(byId(r.b!).links).toContainEqual({ rel: 'version', id: r.a });
    }
    expect(byId('plan14-b/10/36').links.filter((l) => l.rel === 'version')).toEqual([]);
  });
});

describe('versions in any library', () => {
  let library: Library;
  const clausesOf = (doc: string) => library.clauses.filter((c) => c.doc === doc);
  beforeAll(() => {
    library = repositoryLibrary();
  });

  it('aligns only the pairs of documents that share wording, and among them every pair found by aligning all pairs', () => {
    const texts = library.documents.map((d) =>
      clausesOf(d.id)
        .map((c) => `${c.heading ?? ''}${c.text}`)
        .join('\n'),
    );
    const picked = documentPairs(texts).map(([i, k]) => `${library.documents[i].id} ${library.documents[k].id}`);
    const ids = library.documents.map((d) => d.id);
    expect(picked).toContain('plan14-a plan14-b');
    expect(picked.length).toBeLessThan((ids.length * (ids.length - 1)) / 4);
    library.documents.forEach((a, i) => {
      for (const b of library.documents.slice(i + 1))
        if (alignClauses(clausesOf(a.id), clausesOf(b.id)).similarity >= VERSION_SIMILARITY) expect(picked).toContain(`${a.id} ${b.id}`);
    });
  });
});

describe('documentPairs', () => {
  /** Pseudo-random CJK ideographs standing for one document's own wording (a linear congruential sequence). */
  const wording = (seed: number, length: number) => {
    let state = seed + 1;
    return Array.from({ length }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return String.fromCodePoint(0x4e00 + ((state >>> 8) % 20000));
    }).join('');
  };
  const sharedRuns = (a: Uint32Array, b: Uint32Array) => a.filter((x) => b.includes(x)).length;

  it('hashes each distinct 8-character run once, in ascending order', () => {
    const runs = shingleHashes('一二三四五六七八九一二三四五六七八九');
    expect(runs).toHaveLength(9);
    expect([...runs]).toEqual([...runs].sort((a, b) => a - b));
    expect(shingleHashes('一二三四五六七')).toHaveLength(0);
  });

  it('picks exactly the pairs that share 5% of the smaller one’s runs, as comparing every pair would', () => {
    const own = Array.from({ length: 8 }, (_, d) => wording(d, 400));
    // Each text borrows a stretch of the next one's wording, from 2% up to 16% of its own runs.
    const texts = own.map((text, d) => text + own[(d + 1) % own.length].slice(0, 8 * (d + 1) + 7));
    const runs = texts.map(shingleHashes);
    const expected: [number, number][] = [];
    texts.forEach((_, i) => {
      for (let k = i + 1; k < texts.length; k++) if (sharedRuns(runs[i], runs[k]) >= 0.05 * Math.min(runs[i].length, runs[k].length)) expected.push([i, k]);
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(texts.length - 1);
    expect(documentPairs(texts)).toEqual(expected);
  });

  it('takes wording shared by more than 50 documents as boilerplate, which pairs none of them', () => {
    const boilerplate = wording(999, 200);
    const texts = Array.from({ length: 51 }, (_, d) => wording(d, 100) + boilerplate);
    expect(documentPairs(texts)).toEqual([]);
    expect(documentPairs(texts.slice(0, 50))).toHaveLength((50 * 49) / 2);
  });
});

describe('alignClauses', () => {
  const SENTENCES = [
    '推进工会组织建设，扩大工会组织覆盖面，最大限度把职工组织到工会中来。',
    '加强职工思想政治引领，深入开展理想信念教育，筑牢团结奋斗的共同思想基础。',
    '维护职工劳动经济权益，推动落实工资支付保障制度，完善集体协商机制。',
    '健全困难职工帮扶机制，巩固解困脱困成果，做好送温暖和金秋助学活动。',
    '深化产业工人队伍建设改革，提高技能人才待遇，弘扬劳模精神和工匠精神。',
  ];
  const doc = (name: string, texts: string[], numbers = texts.map((_, i) => String(i + 1))): AlignableClause[] =>
    texts.map((text, i) => ({ id: `${name}/${numbers[i]}`, doc: name, text }));
  /** A second transcription of a sentence: one character replaced, one comma turned into 、. */
  const variant = (s: string) => s.replace('，', '、').replace(/职工|工会/, '员工');

  it('pairs every clause of two transcriptions of the same text', () => {
    const { rows, similarity } = alignClauses(doc('a', SENTENCES), doc('b', SENTENCES.map(variant)));
    expect(rows).toEqual(SENTENCES.map((_, i) => ({ a: `a/${i + 1}`, b: `b/${i + 1}` })));
    expect(similarity).toBeGreaterThan(0.8);
  });

  it('handles a clause missing in the middle, even where the numbering runs on without it', () => {
    const b = doc('b', [SENTENCES[0], SENTENCES[1], SENTENCES[3], SENTENCES[4]].map(variant));
    expect(alignClauses(doc('a', SENTENCES), b).rows).toEqual([
      { a: 'a/1', b: 'b/1' },
      { a: 'a/2', b: 'b/2' },
      { a: 'a/3', b: null },
      { a: 'a/4', b: 'b/3' },
      { a: 'a/5', b: 'b/4' },
    ]);
  });

  it('handles an extra clause at the start, which shifts every number after it', () => {
    const extra = '本规划所称职工，是指以工资收入为主要生活来源的劳动者，包括新就业形态劳动者。';
    const b = doc('b', [extra, ...SENTENCES.slice(0, 3).map(variant)]);
    expect(alignClauses(doc('a', SENTENCES.slice(0, 3)), b).rows).toEqual([
      { a: null, b: 'b/1' },
      { a: 'a/1', b: 'b/2' },
      { a: 'a/2', b: 'b/3' },
      { a: 'a/3', b: 'b/4' },
    ]);
  });

  it('uses the numbering to choose between two clauses of the same wording', () => {
    const a = doc('a', [SENTENCES[0], SENTENCES[0]], ['1', '2']);
    const b = doc('b', [SENTENCES[0]], ['2']);
    expect(alignClauses(a, b).rows).toEqual([
      { a: 'a/1', b: null },
      { a: 'a/2', b: 'b/2' },
    ]);
    expect(alignClauses(a, doc('b', [SENTENCES[0]], ['1'])).rows).toEqual([
      { a: 'a/1', b: 'b/1' },
      { a: 'a/2', b: null },
    ]);
  });

  it('pairs nothing between texts with different wording, whatever their numbers', () => {
    const { rows, similarity } = alignClauses(doc('a', SENTENCES.slice(0, 2)), doc('b', SENTENCES.slice(2, 4)));
    expect(rows.filter((r) => r.a && r.b)).toEqual([]);
    expect(similarity).toBe(0);
  });

  it('scores a difference of punctuation only as no difference of wording', () => {
    const a = doc('a', SENTENCES);
    const b = doc(
      'b',
      SENTENCES.map((s) => s.replace(/，/g, ',').replace('。', '')),
    );
    expect(alignClauses(a, b).similarity).toBe(1);
  });
});

describe('compareClauses', () => {
  const clause = (id: string, text: string, heading?: string): ClauseRecord => ({
    id,
    url: `/${id}.html`,
    source: 's.txt',
    doc: id.split('/')[0],
    number: '1',
    path: [],
    heading,
    text,
    keywords: [],
    links: [],
  });

  it('compares the headings apart from the text and counts both', () => {
    const row = compareClauses(clause('a/1', '推动落实,完善制度。', '工人疗休养'), clause('b/1', '推动落实、完善制度。', '工人疗养'));
    expect(row.heading).toEqual([
      { op: 'equal', a: '工人疗', b: '工人疗' },
      { op: 'delete', a: '休', b: '' },
      { op: 'equal', a: '养', b: '养' },
    ]);
    expect(row).toMatchObject({ a: 'a/1', b: 'b/1', wording: 1, punctuation: 1 });
  });

  it('gives no heading comparison where neither clause has a heading', () => {
    const row = compareClauses(clause('a/1', '同样的文字。'), clause('b/1', '同样的文字。'));
    expect(row.heading).toBeUndefined();
    expect(row).toMatchObject({ wording: 0, punctuation: 0 });
  });
});
