import { describe, expect, it } from 'vitest';
import type { ClauseRecord, DocumentRecord, Library } from '../../../../src/model';
import { charMap, makeEngine, wholeVocabulary } from '../../../../src/browser/search/engine';
import { memoryIndex } from '../../../../src/browser/search/memory-index';
import type { LexiconData } from '../../../../src/browser/search/files';
import { searchData } from '../../../../src/integrations/search/search-data';
import { resultHref } from '../../../../src/browser/search/ui';

/** A statute's 第十二条 (款 1 with items （一）（二）, 款 2) and a notice's clause with plain anchors. */
const law: DocumentRecord = {
  id: 'law',
  url: '/law/index.html',
  title: '中华人民共和国工会法',
  titleEditorial: false,
  kind: '法律',
  source: 'law.txt',
  furniture: [],
  outline: [],
  clauseCount: 1,
};
const notice: DocumentRecord = { ...law, id: 'n', url: '/n/index.html', title: '通知', kind: '通知' };
const clauses: ClauseRecord[] = [
  {
    id: 'law/12',
    url: '/law/12.html',
    source: 'law.txt',
    doc: 'law',
    number: '第十二条',
    marker: '第十二条 ',
    path: [],
    text: '工会依照下列规定：\n（一）建立职工之家；\n（二）维护权益。\n第二款职工。',
    keywords: [],
    links: [],
    anchors: ['p1', 'p1-1', 'p1-2', 'p2'],
  },
  { id: 'n/1', url: '/n/1.html', source: 'n.txt', doc: 'n', number: '1', path: [], text: '甲。\n建立职工之家。', keywords: [], links: [] },
];
const library = {
  documents: [law, notice],
  clauses,
  trees: new Map(),
  renderBody: () => '',
  diagnostics: [],
  comparisons: [],
  assignments: [],
  units: [],
  terms: [],
  mentions: new Map(),
  related: new Map(),
} as Library;

describe('paragraph anchors in the search', () => {
  const data = searchData(library, {});

  it('carry a clause’s published anchors in its display data, and none where it has none', () => {
    expect(data.clauses.map((c) => c.meta.a)).toEqual([['p1', 'p1-1', 'p1-2', 'p2'], undefined]);
  });

  it('link a result to the 项 of its first match, online and offline alike', async () => {
    const lexicon: LexiconData = {
      total: 1e6,
      minFreq: 1,
      t2s: '',
      words: '职工\t900\n之家\t300\n职工之家\t100',
      docs: [
        { id: 'law', title: '工会法', kind: '法律', year: null },
        { id: 'n', title: '通知', kind: '通知', year: null },
      ],
      compounds: '',
    };
    const engine = makeEngine(memoryIndex(data.clauses, charMap('')), lexicon, wholeVocabulary(lexicon));
    const outcome = await engine.search('职工之家');
    const hits = await outcome.hits(0, 10);
    expect(hits.map((h) => resultHref(h, []))).toEqual(['../law/12.html#p1-1', '../n/1.html#p2']);
  });

  it('fall back to p{n} for a hit without anchors', () => {
    expect(resultHref({ url: '/n/1.html', matches: [{ paragraph: 2, start: 0, end: 1 }] }, [])).toBe('../n/1.html#p3');
    expect(resultHref({ url: '/law/12.html', anchors: ['p1', 'p1-1', 'p2'], matches: [{ paragraph: 2, start: 0, end: 1 }] }, [])).toBe('../law/12.html#p2');
  });
});
