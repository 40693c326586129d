import { describe, expect, it } from 'vitest';
import { initialAnchor, termIndexData, termPageData, termsWithPages, termTimeline, yearText } from '../../../src/site/term-page';
import { clause, doc, library, term } from './library-fixture';

const lib = library({
  documents: [doc('a'), doc('b')],
  clauses: [clause('a/1', '1'), clause('b/1', '1'), clause('b/2', '2')],
  terms: [
    term(
      't1',
      '职工之家',
      [
        ['b/1', '建设职工之家。'],
        ['a/1', '建家。'],
      ],
      ['职工之家', '职工小家'],
    ),
    term('t2', '安全', []),
  ],
  retiredTerms: [term('t3', '工作', [['b/2', '做好工作。']])],
});

describe('termPageData', () => {
  it('groups the uses by document in library order, whatever order the term lists them in', () => {
    const page = termPageData(lib, 't1');
    expect(page.documents.map((d) => [d.href, d.uses.map((u) => u.href)])).toEqual([
      ['../a/index.html', ['../a/1.html']],
      ['../b/index.html', ['../b/1.html']],
    ]);
  });

  it('marks the term in the sentence without changing a character of it', () => {
    const sentence = termPageData(lib, 't1').documents[1].uses[0].sentence;
    expect(sentence.map((p) => p.text).join('')).toBe('建设职工之家。');
    expect(sentence.filter((p) => p.mark).map((p) => p.text)).toEqual(['职工之家']);
  });

  it('lists the other spellings as variants', () => {
    expect(termPageData(lib, 't1').variants).toEqual(['职工小家']);
  });

  it('keeps the page of a retired term and says it is no longer a term', () => {
    const page = termPageData(lib, 't3');
    expect(page.retired).toBe(true);
    expect(page.description).toBe('“工作”已不再列为术语：本库中使用它的 1 条条文。');
    expect(termsWithPages(lib).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
  });

  it('links the search for the term and back to the index', () => {
    const page = termPageData(lib, 't2');
    expect(page.searchHref).toBe('../search/index.html?q=%E5%AE%89%E5%85%A8');
    expect(page.indexHref).toBe('index.html');
  });
});

describe('the documents of a term in time order', () => {
  const timed = library({
    documents: [
      doc('none'),
      doc('newer', { date: '2024' }),
      doc('annex', { annexOf: 'num' }),
      doc('num', { docNumber: '甲〔2014〕1号' }),
      doc('old', { date: '2007-12-29' }),
    ],
    clauses: [clause('none/1', '1'), clause('newer/1', '1'), clause('newer/2', '2'), clause('annex/1', '1'), clause('num/1', '1'), clause('old/1', '1')],
    terms: [
      term(
        't',
        '新就业形态',
        ['none/1', 'newer/1', 'newer/2', 'annex/1', 'num/1', 'old/1'].map((c) => [c, '新就业形态。']),
      ),
    ],
  });

  it('lists the documents earliest first (those of one time in library order), an unknown year last, and marks the earliest as the first appearance', () => {
    const { timeline } = termPageData(timed, 't');
    expect(timeline.map((t) => [t.name, t.yearLabel, t.yearNote, t.count, t.first])).toEqual([
      ['old的标题', '2007年', undefined, 1, true],
      ['annex的标题', '2014年', '据所属文件', 1, false],
      ['num的标题', '2014年', '据文号', 1, false],
      ['newer的标题', '2024年', undefined, 2, false],
      ['none的标题', '年份不详', undefined, 1, false],
    ]);
  });

  it('links each entry to the document’s section on the term page', () => {
    const page = termPageData(timed, 't');
    const anchors = new Map(page.documents.map((d) => [d.name, d.anchor]));
    expect(page.timeline.map((t) => t.href)).toEqual(page.timeline.map((t) => `#${anchors.get(t.name)}`));
    expect(page.documents.map((d) => d.anchor)).toEqual(['doc-0', 'doc-1', 'doc-2', 'doc-3', 'doc-4']);
  });

  it('marks every document of the earliest time that cannot be told apart, and only an earlier date where both are known', () => {
    const y = (year: number, date?: string) => ({ year: { year, date, source: 'date' as const } });
    expect(termTimeline([y(2014, '2014-12-26'), y(2014), y(2015)]).map((e) => e.first)).toEqual([true, true, false]);
    expect(termTimeline([y(2014, '2014-12-26'), y(2014, '2014-12-08')]).map((e) => [e.year.date, e.first])).toEqual([
      ['2014-12-08', true],
      ['2014-12-26', false],
    ]);
  });

  it('marks no first appearance where no document has a known year', () => {
    expect(termTimeline([{ year: undefined }, { year: undefined }]).map((e) => e.first)).toEqual([false, false]);
    expect(yearText(undefined)).toEqual({ yearLabel: '年份不详' });
  });
});

describe('termIndexData', () => {
  it('anchors the groups by initial, digits and other initials each in one group', () => {
    expect(['A', 'Z', '0–9', '其他'].map(initialAnchor)).toEqual(['i-A', 'i-Z', 'i-0', 'i-other']);
  });

  it('lists the indexed terms only, under their initials in the order of the index (which the pipeline sorts), with their counts of uses', () => {
    const { groups, termCount } = termIndexData(lib);
    expect(termCount).toBe(2);
    expect(groups.map((g) => [g.anchor, g.terms.map((t) => [t.term, t.href, t.useCount])])).toEqual([
      ['i-Z', [['职工之家', 't1.html', 2]]],
      ['i-A', [['安全', 't2.html', 0]]],
    ]);
  });
});
