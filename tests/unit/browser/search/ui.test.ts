import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../../src/browser/search/excerpt';
import type { Hit, Transcription } from '../../../../src/browser/search/types';
import {
  apartNote,
  arrowTarget,
  differenceText,
  droppedQueries,
  filterGroups,
  firstBatch,
  highlightTerms,
  hitWhere,
  isTypingTarget,
  MAX_AT_ONCE,
  PAGE_SIZE,
  partialHeading,
  readState,
  resultHref,
  resultView,
  statusText,
  tierBadge,
  versionsText,
  wordsText,
  writeState,
} from '../../../../src/browser/search/ui';
import { CLAUSES, DOCS, fakeEngine } from './fake-engine';

const text = (segments: Segment[] | undefined) => (segments ?? []).map((s) => s.text).join('');
const marks = (segments: Segment[] | undefined) => (segments ?? []).filter((s) => s.mark).map((s) => s.text);

/** Search the fake engine and view every hit. */
async function views(query: string, filters = {}) {
  const outcome = await fakeEngine().search(query, filters);
  const hits = await outcome.hits(0, outcome.total + outcome.partial);
  return { outcome, hits, views: hits.map((h) => resultView(h, outcome)) };
}

describe('the search state in the URL', () => {
  it('reads the query, the repeated filter parameters and n', () => {
    const state = readState('?q=%E8%81%8C%E5%B7%A5%E4%B9%8B%E5%AE%B6&doc=report-2024&doc=luhui-2014-79&kind=%E9%80%9A%E7%9F%A5&year=2014&year=&n=1000');
    expect(state).toEqual({
      q: '职工之家',
      filters: { doc: ['report-2024', 'luhui-2014-79'], kind: ['通知'], year: ['2014'] },
      n: 1000,
    });
  });

  it('writes what it reads, and nothing for an empty state', () => {
    const search = '?q=%E9%B2%81%E4%BC%9A%E3%80%942014%E3%80%9579%E5%8F%B7&doc=a&doc=b&kind=k&year=2024&n=50';
    expect(writeState(readState(search))).toBe(search);
    expect(writeState(readState(''))).toBe('');
    expect(readState('?q=')).toEqual({ q: '', filters: { doc: [], kind: [], year: [] } });
  });

  it('ignores an n that is not a positive number', () => {
    expect(readState('?n=abc').n).toBeUndefined();
    expect(readState('?n=-5').n).toBeUndefined();
    expect(readState('?n=0').n).toBeUndefined();
  });

  it('renders at least 20 results at once, n if more are asked, within a cap', () => {
    expect(firstBatch(readState(''))).toBe(PAGE_SIZE);
    expect(firstBatch(readState('?n=5'))).toBe(PAGE_SIZE);
    expect(firstBatch(readState('?n=1000'))).toBe(1000);
    expect(firstBatch(readState('?n=99999999'))).toBe(MAX_AT_ONCE);
  });
});

describe('result links', () => {
  const hit = { url: '/luhui-2014-79/2/7.html', matches: [{ paragraph: 1, start: 2, end: 6 }] };

  it('lead from search/index.html to the clause page, with ?h= before the paragraph fragment', () => {
    expect(resultHref(hit, ['职工之家'])).toBe(`../luhui-2014-79/2/7.html?h=${encodeURIComponent('职工之家')}#p2`);
  });

  it('separate several highlight terms with a space, and leave out what is empty', () => {
    const href = resultHref({ url: '/a/1.html', matches: [] }, ['集体协商', '', '培训']);
    expect(href).toBe('../a/1.html?h=%E9%9B%86%E4%BD%93%E5%8D%8F%E5%95%86%20%E5%9F%B9%E8%AE%AD');
    expect(new URL(href, 'http://x/search/index.html').searchParams.get('h')).toBe('集体协商 培训');
    expect(resultHref({ url: '/a/1.html', matches: [] }, [])).toBe('../a/1.html');
  });

  it('ask the clause page to highlight the matched raw text, folded, once per distinct text', async () => {
    const { hits, outcome } = await views('会站家');
    expect(hits[0].tier).toBe(1);
    expect(highlightTerms(hits[0], outcome)).toEqual(['会站家']);

    const words = await views('集体协商指导员培训');
    const tier2 = words.hits.find((h) => h.tier === 2)!;
    expect(highlightTerms(tier2, words.outcome)).toEqual(['集体协商', '指导员', '培训']);
  });

  it('fall back to what the engine looked for when no paragraph matched', () => {
    const hit: Hit = {
      id: 'x/1',
      url: '/x/1.html',
      doc: DOCS[0],
      position: '第一条',
      heading: '职工之家',
      paragraphs: ['正文'],
      tier: 2,
      matches: [],
      headingMatch: true,
    };
    expect(highlightTerms(hit, { folded: '职工之家建设', words: ['职工之家', '建设'] })).toEqual(['职工之家', '建设']);
    expect(highlightTerms({ ...hit, tier: 1 }, { folded: '职工之家', words: [] })).toEqual(['职工之家']);
  });
});

describe('a result as shown', () => {
  it('names the document and the clause, and marks the query in the heading', async () => {
    const { views: v } = await views('职工之家');
    expect(v[0].where).toBe(`《${DOCS[0].title}》第七条`);
    expect(text(v[0].heading)).toBe('深化职工之家建设。');
    expect(marks(v[0].heading)).toEqual(['职工之家']);
  });

  it('links to the paragraph of the first match and excerpts it with every match marked', async () => {
    const { views: v } = await views('模范职工之家');
    expect(v).toHaveLength(1);
    expect(v[0].href).toMatch(/^\.\.\/luhui-2014-79\/2\/7\.html\?h=[^#]+#p2$/);
    expect(text(v[0].excerpt)).toBe(CLAUSES[0].text.split('\n')[1]);
    expect(marks(v[0].excerpt)).toEqual(['模范职工之家']);
  });

  it('finds 会、站、家 for 会站家 and marks the raw text with its punctuation', async () => {
    const { views: v } = await views('会站家');
    expect(marks(v[0].excerpt)).toEqual(['会、站、家']);
  });

  it('counts the matches of a clause', async () => {
    const { views: v } = await views('职工之家');
    expect(v[0].matchCount).toBe(2);
  });

  it('marks tiers 2 and 3 with a badge, and the query as typed with none', async () => {
    const { views: v } = await views('集体协商指导员培训');
    expect(v.map((x) => [x.id, x.tier, x.badge])).toEqual([
      ['luhui-2014-79-annex/1/29', 1, undefined],
      ['report-2024/2/3', 2, '含全部词语'],
      ['report-2024/2/4', 3, '部分匹配'],
    ]);
    expect(marks(v[1].excerpt)).toEqual(['集体协商', '指导员', '培训']);
    expect(tierBadge(1)).toBeUndefined();
  });

  it('marks a word held only by its parts, and gives a one-word query no 含全部词语 badge', () => {
    expect(apartNote(['职工服务中心'])).toBe('“职工服务中心”分开出现');
    expect(tierBadge(2, 0)).toBeUndefined();
    expect(tierBadge(2, 2)).toBe('含全部词语');
  });
});

describe('document names in results', () => {
  const plan = {
    id: 'plan14-a',
    title: '“十四五”时期工会发展规划（转录本甲）',
    kind: '规划',
    year: '2021',
    version: '转录本甲',
    work: '“十四五”时期工会发展规划',
  };
  it('put an official title in 《》 (inner marks as 〈〉), the transcription label after the place, and a description without marks', () => {
    expect(hitWhere({ doc: plan, position: '第二十二条' })).toBe('《“十四五”时期工会发展规划》第二十二条（转录本甲）');
    expect(hitWhere({ doc: { id: 'n', title: '关于转发《实施意见》的通知', kind: '通知', year: null }, position: '正文' })).toBe(
      '《关于转发〈实施意见〉的通知》正文',
    );
    expect(hitWhere({ doc: { id: 'r', title: '中华全国总工会2024年工作报告', kind: '工作报告', year: '2024', untitled: true }, position: '一、' })).toBe(
      '中华全国总工会2024年工作报告一、',
    );
  });

  it('leave the transcription label out where the result stands for every transcription', () => {
    expect(hitWhere({ doc: plan, position: '第二十二条' }, true)).toBe('《“十四五”时期工会发展规划》第二十二条');
  });
});

describe('transcriptions of one text', () => {
  const docA = { id: 'plan14-a', title: '规划（转录本甲）', kind: '规划', year: '2021', version: '转录本甲', work: '规划' };
  const docB = { ...docA, id: 'plan14-b', title: '规划（转录本乙）', version: '转录本乙' };
  const docC = { ...docA, id: 'plan14-c', title: '规划（转录本丙）', version: '转录本丙' };
  const compare = '/compare/plan14-a--plan14-b.html';
  const version = (doc: typeof docA, text: string, matched: boolean, difference?: Transcription['difference']): Transcription => ({
    id: `${doc.id}/6/22`,
    url: `/${doc.id}/6/22.html`,
    doc,
    position: '第二十二条',
    paragraphs: ['打造服务职工系列品牌。', text],
    matches: matched ? [{ paragraph: 1, start: 0, end: 4 }] : [],
    matched,
    ...(difference ? { difference } : {}),
  });

  it('say how two of them differ, in wording and in punctuation', () => {
    expect(differenceText({ wording: 0, punctuation: 0 })).toBe('两个转录本文字一致');
    expect(differenceText({ wording: 0, punctuation: 2 })).toBe('两个转录本仅有 2 处标点差异');
    expect(differenceText({ wording: 3, punctuation: 0 })).toBe('两个转录本有 3 处文字差异');
    expect(differenceText({ wording: 3, punctuation: 1 })).toBe('两个转录本有 3 处文字差异、1 处标点差异');
  });

  it('say, for more than two, how each later one differs from the first', () => {
    const vs = [
      version(docA, '', true),
      version(docB, '', true, { wording: 1, punctuation: 0, compare }),
      version(docC, '', true, { wording: 0, punctuation: 0, compare }),
    ];
    expect(versionsText(vs)).toBe('转录本乙与转录本甲有 1 处文字差异；转录本丙与转录本甲文字一致');
  });

  it('are one result that links each of them, says how they differ and links the comparison', () => {
    const a = version(docA, '职工之家建设', true);
    const b = version(docB, '职工书屋建设', false, { wording: 1, punctuation: 0, compare });
    const hit: Hit = { ...a, tier: 1, headingMatch: false, versions: [a, b] };
    const v = resultView(hit, { folded: '职工之家', words: [] });
    expect(v.where).toBe('《规划》第二十二条');
    expect(v.href).toBe('../plan14-a/6/22.html?h=%E8%81%8C%E5%B7%A5%E4%B9%8B%E5%AE%B6#p2');
    expect(v.versions).toEqual([
      { label: '转录本甲 第二十二条', href: v.href, matched: true },
      { label: '转录本乙 第二十二条', href: '../plan14-b/6/22.html', matched: false },
    ]);
    expect(v.differences).toBe('两个转录本有 1 处文字差异');
    expect(v.compareHref).toBe('../compare/plan14-a--plan14-b.html');
  });
});

describe('searches without full results', () => {
  it('suggest the query with each of its words dropped', () => {
    expect(droppedQueries(['职工之家', '建设', '龘靐'])).toEqual([
      { dropped: '职工之家', q: '建设 龘靐' },
      { dropped: '建设', q: '职工之家 龘靐' },
      { dropped: '龘靐', q: '职工之家 建设' },
    ]);
    expect(droppedQueries(['龘靐'])).toEqual([]);
  });
});

describe('filters', () => {
  it('offer every document, kind and year with results, with counts', async () => {
    const { outcome } = await views('集体协商指导员培训');
    const groups = filterGroups(DOCS, outcome.counts, {});
    expect(groups.map((g) => g.name)).toEqual(['doc', 'kind', 'year']);
    expect(groups[0].options.map((o) => [o.value, o.label, o.count])).toEqual([
      ['luhui-2014-79-annex', DOCS[1].title, 1],
      ['report-2024', DOCS[2].title, 2],
    ]);
    expect(groups[2].options.map((o) => [o.label, o.count])).toEqual([['2024年', 2]]);
    expect(groups.flatMap((g) => g.options).every((o) => !o.checked)).toBe(true);
  });

  it('show a value without results only while it is selected', async () => {
    const { outcome } = await views('会站家');
    const groups = filterGroups(DOCS, outcome.counts, { doc: ['report-2024'] });
    const docs = groups.find((g) => g.name === 'doc')!.options;
    expect(docs.map((o) => [o.value, o.count, o.checked])).toEqual([
      ['luhui-2014-79', 1, false],
      ['report-2024', 0, true],
    ]);
  });

  it('list documents in library order, kinds by count and years newest first', () => {
    const counts = {
      doc: { 'report-2024': 5, 'luhui-2014-79': 1 },
      kind: { 通知: 1, 工作报告: 5, 实施意见: 1 },
      year: { '2014': 1, '2024': 5, '2017': 2 },
    };
    const [doc, kind, year] = filterGroups(DOCS, counts, {});
    expect(doc.options.map((o) => o.value)).toEqual(['luhui-2014-79', 'report-2024']);
    expect(kind.options[0].value).toBe('工作报告');
    expect(year.options.map((o) => o.value)).toEqual(['2024', '2017', '2014']);
  });

  it('tell documents with the same title apart', () => {
    const docs = [
      { id: 'a', title: '同名', kind: '规划', year: null },
      { id: 'b', title: '同名', kind: '规划', year: null },
    ];
    const [doc] = filterGroups(docs, { doc: { a: 1, b: 1 }, kind: {}, year: {} }, {});
    expect(doc.options.map((o) => o.label)).toEqual(['同名（a）', '同名（b）']);
  });

  it('reach the engine, which counts before filtering', async () => {
    const engine = fakeEngine();
    const all = await engine.search('集体协商', {});
    const one = await engine.search('集体协商', { doc: ['report-2024'] });
    expect(one.total).toBeLessThan(all.total);
    expect(one.counts).toEqual(all.counts);
    expect(engine.calls[1]).toEqual({ query: '集体协商', filters: { doc: ['report-2024'] } });
  });
});

describe('status lines', () => {
  it('give the count, or say nothing was found', () => {
    expect(statusText({ query: '职工之家', total: 12, partial: 0 }, false)).toBe('找到 12 条。');
    expect(statusText({ query: '职工之家', total: 3, partial: 0 }, true)).toBe('找到 3 条（已筛选）。');
    expect(statusText({ query: ' 龘靐 ', total: 0, partial: 0 }, false)).toBe('没有找到“龘靐”。');
    expect(statusText({ query: '龘', total: 0, partial: 0 }, true)).toContain('所选范围');
  });

  it('count the results with every word, and those with only some apart', () => {
    expect(statusText({ query: '职工之家 建设', total: 12, partial: 140 }, false)).toBe('找到 12 条；另有 140 条只含部分词语。');
    expect(statusText({ query: '职工之家 龘靐', total: 0, partial: 15 }, false)).toBe('没有同时含有全部词语的条文；只含部分词语的有 15 条。');
    expect(partialHeading(140)).toBe('只含部分词语的条文（140 条）');
  });

  it('show how a query was cut only when it was cut', () => {
    expect(wordsText({ words: ['集体协商', '指导员', '培训'] })).toBe('按词语查找：集体协商 + 指导员 + 培训');
    expect(wordsText({ words: [] })).toBe('');
  });
});

describe('keyboard', () => {
  it('moves down from the box into the results and back up to the box', () => {
    expect(arrowTarget(-1, 'ArrowDown', 3)).toBe(0);
    expect(arrowTarget(0, 'ArrowDown', 3)).toBe(1);
    expect(arrowTarget(2, 'ArrowDown', 3)).toBeNull();
    expect(arrowTarget(1, 'ArrowUp', 3)).toBe(0);
    expect(arrowTarget(0, 'ArrowUp', 3)).toBe(-1);
    expect(arrowTarget(-1, 'ArrowUp', 3)).toBeNull();
    expect(arrowTarget(-1, 'ArrowDown', 0)).toBeNull();
    expect(arrowTarget(0, 'Enter', 3)).toBeNull();
  });

  it('leaves / to text fields but not to checkboxes or links', () => {
    const el = (localName: string, type?: string, editable = false) =>
      ({ localName, getAttribute: (n: string) => (n === 'type' ? (type ?? null) : null), isContentEditable: editable }) as unknown as Element;
    expect(isTypingTarget(el('input'))).toBe(true);
    expect(isTypingTarget(el('input', 'search'))).toBe(true);
    expect(isTypingTarget(el('textarea'))).toBe(true);
    expect(isTypingTarget(el('div', undefined, true))).toBe(true);
    expect(isTypingTarget(el('input', 'checkbox'))).toBe(false);
    expect(isTypingTarget(el('a'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
