import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseRecord, DocumentRecord, Library, Mention } from '../../../../src/model';
import { citedEntries, findMentions, scanMentions } from '../../../../src/pipeline/links/references';
import { repositoryLibrary } from '../helpers';

const texts = (text: string) => scanMentions(text).map((m) => m.text);

function doc(id: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    url: `/${id}/index.html`,
    title: `${id}的标题`,
    titleEditorial: false,
    kind: '通知',
    source: 's.txt',
    furniture: [],
    outline: [],
    clauseCount: 1,
    ...extra,
  };
}
function clause(docId: string, text: string, heading?: string): ClauseRecord {
  return { id: `${docId}/1`, url: `/${docId}/1.html`, source: 's.txt', doc: docId, number: '1', path: [], text, heading, keywords: [], links: [] };
}

const opinion = doc('opinion', { title: '山东省总工会关于加强基层工会建设的实施意见', issuer: '山东省总工会', docNumber: '鲁会〔2014〕79号' });
const planA = doc('plan-a', { title: '工会发展规划', work: 'plan' });
const planB = doc('plan-b', { title: '工会发展规划', work: 'plan' });
const documents = [opinion, planA, planB, doc('notice')];
/** The mentions of one clause of `notice` with the given text, resolved against `documents`. */
const mentionsIn = (text: string, docId = 'notice', heading?: string): Mention[] =>
  findMentions(documents, [clause(docId, text, heading)]).get(`${docId}/1`) ?? [];

describe('finding titles and document numbers', () => {
  it('finds adjacent titles one by one, repeats included', () => {
    expect(texts('出版《中国工运史》《中国工运史》。')).toEqual(['《中国工运史》', '《中国工运史》']);
    expect(texts('打造以中工网、《中国工运》、《中国工人》为龙头')).toEqual(['《中国工运》', '《中国工人》']);
  });

  it('finds a title nested in another after the title that holds it', () => {
    expect(texts('见《关于转发《甲办法》的通知》和《乙规定》')).toEqual(['《关于转发《甲办法》的通知》', '《甲办法》', '《乙规定》']);
    expect(texts('《关于转发〈乙意见〉的通知》')).toEqual(['《关于转发〈乙意见〉的通知》', '〈乙意见〉']);
  });

  it('finds no title where the marks do not pair up within a paragraph', () => {
    expect(texts('《甲\n乙》')).toEqual([]);
    expect(texts('〈不在书名号里〉')).toEqual([]);
    expect(texts('《甲〉乙》')).toEqual(['《甲〉乙》']);
  });

  it('reads document numbers with any kind of year brackets, and only those', () => {
    expect(texts('（鲁会〔2014〕79号）鲁会[2014]79号、鲁会（2014）79号、鲁会［２０１４］第７９号')).toEqual([
      '鲁会〔2014〕79号',
      '鲁会[2014]79号',
      '鲁会（2014）79号',
      '鲁会［２０１４］第７９号',
    ]);
    expect(texts('工人先锋号、《统计年报》（2015）、[文章编号] 2095-7416(2017)02-0009-07、〔2014〕79号')).toEqual(['《统计年报》']);
  });

  it("leaves words like 根据 and 转发 out of a number's issuer", () => {
    expect(texts('根据总工发〔2014〕22号和鲁会〔2014〕79号，贯彻落实鲁会〔2014〕79号')).toEqual(['总工发〔2014〕22号', '鲁会〔2014〕79号', '鲁会〔2014〕79号']);
  });

  it('cuts a number at its issuer, which stops at the words no issuer abbreviation holds', () => {
    expect(texts('国务院关于做好当前和今后一个时期促进就业工作的若干意见国发〔2018〕39号')).toEqual(['国发〔2018〕39号']);
    expect(texts('国务院办公厅关于支持多渠道灵活就业的意见国办发〔2020〕27号')).toEqual(['国办发〔2020〕27号']);
    expect(texts('关于维护新就业形态劳动者劳动保障权益的指导意见人社部发〔2021〕56号')).toEqual(['人社部发〔2021〕56号']);
    expect(texts('《中共中央 国务院关于构建和谐劳动关系的意见》中发〔2015〕10号，贯彻落实中发〔2015〕10号文件精神')).toEqual([
      '《中共中央 国务院关于构建和谐劳动关系的意见》',
      '中发〔2015〕10号',
      '中发〔2015〕10号',
    ]);
    expect(texts('《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》（法释〔2020〕26号）')[1]).toBe('法释〔2020〕26号');
    expect(texts('审理劳动争议案件适用法律问题的解释法释〔2020〕26号')).toEqual(['法释〔2020〕26号']);
    expect(texts('根据总工发〔2021〕5号、按照国办发〔2020〕27号要求，市政府印发的京政发〔2019〕1号')).toEqual([
      '总工发〔2021〕5号',
      '国办发〔2020〕27号',
      '京政发〔2019〕1号',
    ]);
    expect(texts('关于加强和改进新时代产业工人队伍建设的通知京政发〔2019〕1号')).toEqual(['京政发〔2019〕1号']);
  });

  it('takes at most six characters for an issuer where no word ends it', () => {
    expect(texts('工会财务资产监督国发〔2018〕39号')).toEqual(['资产监督国发〔2018〕39号']);
    expect(texts('临会办〔2014〕99号、鲁会〔2014〕79号')).toEqual(['临会办〔2014〕99号', '鲁会〔2014〕79号']);
  });

  it('pairs a title with the number printed in brackets right after it, and no other', () => {
    const [title, number] = scanMentions('落实《甲通知》精神（总工发〔2012〕77号），转发《乙意见》（鲁会〔2014〕79号）');
    expect([title.docNumber, number.kind]).toEqual(['总工发〔2012〕77号', 'docNumber']);
    expect(scanMentions('转发《乙意见》（鲁会〔2014〕79号）')[0].docNumber).toBe('鲁会〔2014〕79号');
    expect(scanMentions('《乙意见》、鲁会〔2014〕79号')[0].docNumber).toBeUndefined();
    expect(scanMentions('《乙意见》和其他文件（鲁会〔2014〕79号）')[0].docNumber).toBeUndefined();
  });
});

describe('resolving mentions to the library', () => {
  it('resolves a document number in any bracket style to the document with that 文号', () => {
    for (const n of ['鲁会〔2014〕79号', '鲁会[2014]79号', '鲁会（2014）79号', '鲁会［２０１４］第７９号', '鲁会〔2014〕 79 号'])
      expect(mentionsIn(`按照${n}执行`), n).toStrictEqual([{ text: n, kind: 'docNumber', target: 'opinion' }]);
    expect(mentionsIn('按照鲁会〔2014〕80号执行')).toEqual([{ text: '鲁会〔2014〕80号', kind: 'docNumber' }]);
  });

  it('resolves a title with or without the issuer that opens it, and no other title', () => {
    expect(mentionsIn('《山东省总工会关于加强基层工会建设的实施意见》')[0].target).toBe('opinion');
    expect(mentionsIn('省总工会《关于加强基层工会建设的实施意见》')[0].target).toBe('opinion');
    expect(mentionsIn('《关于加强基层工会建设的意见》')[0].target).toBeUndefined();
    expect(mentionsIn('《山东省总工会》')[0].target).toBeUndefined();
  });

  it('resolves a title and the number after it together when either names a library document', () => {
    expect(mentionsIn('《别的名字》（鲁会〔2014〕79号）')).toStrictEqual([
      { text: '《别的名字》', kind: 'title', docNumber: '鲁会〔2014〕79号', target: 'opinion' },
      { text: '鲁会〔2014〕79号', kind: 'docNumber', target: 'opinion' },
    ]);
    expect(mentionsIn('《关于加强基层工会建设的实施意见》（鲁会〔2099〕1号）').map((m) => m.target)).toEqual(['opinion', 'opinion']);
  });

  it('finds mentions in the heading before those in the text', () => {
    expect(mentionsIn('正文《乙》', 'notice', '标题《甲》').map((m) => m.text)).toEqual(['《甲》', '《乙》']);
  });

  it("never cites the clause's own document or another transcription of it, and marks such a mention self", () => {
    expect(mentionsIn('鲁会〔2014〕79号', 'opinion')).toStrictEqual([{ text: '鲁会〔2014〕79号', kind: 'docNumber', self: true }]);
    expect(mentionsIn('《工会发展规划》', 'plan-b')).toStrictEqual([{ text: '《工会发展规划》', kind: 'title', self: true }]);
    expect(mentionsIn('《工会发展规划》', 'notice')).toStrictEqual([{ text: '《工会发展规划》', kind: 'title', target: 'plan-a' }]);
    // The number after its own title names it too, though the library does not record the number.
    expect(mentionsIn('《工会发展规划》（总工发〔2021〕5号）', 'plan-b').map((m) => m.self)).toEqual([true, true]);
  });

  it('resolves a title nested in another on its own', () => {
    expect(mentionsIn('《关于转发〈关于加强基层工会建设的实施意见〉的通知》').map((m) => m.target)).toEqual([undefined, 'opinion']);
  });
});

describe('the list of cited documents', () => {
  it('lists each library document once and each missing document once, in text order', () => {
    const entries = citedEntries([
      { text: '《中国工人》', kind: 'title' },
      { text: '《甲意见》', kind: 'title', docNumber: '总工发〔2014〕22号' },
      { text: '总工发〔2014〕22号', kind: 'docNumber' },
      { text: '《乙》', kind: 'title', target: 'opinion' },
      { text: '鲁会〔2014〕79号', kind: 'docNumber', target: 'opinion' },
      { text: '《中国工人》', kind: 'title' },
      { text: '总工发[2014]22号', kind: 'docNumber' },
    ]);
    expect(entries).toEqual([{ text: '《中国工人》' }, { text: '《甲意见》', docNumber: '总工发〔2014〕22号' }, { target: 'opinion' }]);
  });
});

describe('mentions in the library', () => {
  let library: Library;
  const all = () => [...library.mentions].flatMap(([id, list]) => list.map((m) => ({ id, ...m })));
  const clauseOf = (id: string) => library.clauses.find((c) => c.id === id)!;
  beforeAll(() => {
    library = repositoryLibrary();
  });

  it("links the notice's 鲁会〔2014〕79号 and the title before it to the opinion", () => {
    expect(library.mentions.get('linhuiban-2014-99/0')).toStrictEqual([
      { text: '《关于新形势下加强基层工会建设的实施意见》', kind: 'title', docNumber: '鲁会〔2014〕79号', target: 'luhui-2014-79' },
      { text: '鲁会〔2014〕79号', kind: 'docNumber', target: 'luhui-2014-79' },
    ]);
    expect(clauseOf('linhuiban-2014-99/0').links).toContainEqual({ rel: 'cites', id: 'luhui-2014-79' });
  });

  it('finds a title (or an article reference that opens with it) for every 《 and a number for every 〔year〕…号 of the clause texts', () => {
    const source = library.clauses.map((c) => `${c.heading ?? ''}\n${c.text}`).join('\n');
    // Inner titles (〈…〉 within 《…》) are mentions of their own.
    let inner = 0;
    for (const line of source.split('\n')) {
      let open = 0;
      for (const ch of line) {
        open += ch === '《' ? 1 : ch === '》' ? -1 : 0;
        inner += ch === '〈' && open > 0 ? 1 : 0;
      }
    }
    const titles = all().filter((m) => m.kind === 'title' || m.text.startsWith('《') || m.text.startsWith('〈'));
    expect(titles.length).toBe(source.split('《').length - 1 + inner);
    expect(all().filter((m) => m.kind === 'docNumber').length).toBe(source.match(/[〔[［(（【]\d{4}[〕\]］)）】]第?\d+号/g)?.length);
  });

  it("takes every mention's text from its clause as printed", () => {
    for (const m of all()) expect(`${clauseOf(m.id).heading ?? ''}\n${clauseOf(m.id).text}`, m.id).toContain(m.text);
  });

  it('never lets a clause cite its own document', () => {
    for (const c of library.clauses) {
      expect(c.mentions?.filter((m) => m.target === c.doc) ?? []).toEqual([]);
      expect(c.links.filter((l) => l.rel === 'cites' && l.id === c.doc)).toEqual([]);
    }
  });

  it('publishes the mentions on the clause records, only where there are some', () => {
    for (const c of library.clauses) expect(c.mentions, c.id).toEqual(library.mentions.get(c.id));
    expect(library.clauses.filter((c) => 'mentions' in c).every((c) => c.mentions!.length > 0)).toBe(true);
  });

  it('links every resolved mention in the rendered body without changing its text', () => {
    const textOf = (html: string) => {
      let s = '';
      visit(fromHtml(html, { fragment: true }), 'text', (n) => void (s += n.value));
      return s;
    };
    const cited = library.clauses.filter((c) => c.mentions?.some((m) => m.target));
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) {
      const html = library.renderBody(c.id, { from: c.url });
      expect(textOf(html), c.id).toBe(textOf(library.renderBody(c.id)));
      const page = new URL(c.url, 'http://site.test');
      const links = [...html.matchAll(/<a class="cite" href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2], new URL(m[1], page).pathname]);
      const urlOf = (id: string) => [...library.documents, ...library.clauses].find((r) => r.id === id)?.url;
      // A title inside a linked title (〈…〉 in 《…》) cannot be a link of its own.
      const targeted = c.mentions!.filter((m) => m.target);
      const nested = (m: (typeof targeted)[number]) => targeted.some((o) => o !== m && o.text.includes(m.text) && o.text.length > m.text.length);
      const expected = targeted.filter((m) => !nested(m)).map((m) => [m.text, urlOf(m.target!)]);
      expect(links, c.id).toEqual(expected);
    }
  });
});
