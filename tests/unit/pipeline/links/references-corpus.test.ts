/**
 * Article references in the real texts of the test corpus (tests/fixtures/corpus), read by the
 * parser and published as records, each text one document named after its folder. The expected
 * targets were checked by hand against the texts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseRecord, DocumentRecord, Mention } from '../../../../src/model';
import { decodeSource } from '../../../../src/pipeline/decode';
import { placeClauses } from '../../../../src/pipeline/ids';
import { parseSource } from '../../../../src/pipeline/parse';
import { clauseRecords, documentRecord } from '../../../../src/pipeline/records';
import { findMentions } from '../../../../src/pipeline/links/references';
import { publishedAnchors } from '../../../../src/pipeline/anchors';
import { ROOT } from '../helpers';

const DIR = path.join(ROOT, 'tests/fixtures/corpus');
let mentions: Map<string, Mention[]>;
let documents: DocumentRecord[];
const articlesOf = (id: string) => (mentions.get(id) ?? []).filter((m) => m.kind === 'article').map((m) => [m.text, m.target, m.anchor]);

beforeAll(() => {
  documents = [];
  const clauses: ClauseRecord[] = [];
  for (const slug of readdirSync(DIR)) {
    const source = decodeSource(readFileSync(path.join(DIR, slug, 'source.txt')), slug);
    const doc = parseSource(slug, source).tree.children[0];
    const records = clauseRecords(doc, slug, slug);
    placeClauses(doc, slug).forEach(({ clause }, i) => {
      const anchors = publishedAnchors(clause);
      if (anchors) records[i].anchors = anchors;
    });
    documents.push(documentRecord(doc, { id: slug, kind: '法律' }, slug, records.length));
    clauses.push(...records);
  }
  mentions = findMentions(documents, clauses);
});

describe('article references in the corpus', () => {
  it('reads the titles and dates the references depend on', () => {
    const gonghuifa = documents.find((d) => d.id === 'gonghuifa-2021')!;
    expect([gonghuifa.title, gonghuifa.date]).toEqual(['中华人民共和国工会法', '2021-12-24']);
  });

  it("links 本法第三条、第十二条 in 工会法第五十一条 to the law's own articles", () => {
    expect(articlesOf('gonghuifa-2021/51')).toEqual([
      ['本法第三条', 'gonghuifa-2021/3', undefined],
      ['第十二条', 'gonghuifa-2021/12', undefined],
    ]);
  });

  it('links the whole list 本法第九十五条、第一百一十条、第一百一十四条 of 安全生产法第一百一十五条', () => {
    expect(articlesOf('anquan-shengchan-2021/115').map((m) => m[1])).toEqual([
      'anquan-shengchan-2021/95',
      'anquan-shengchan-2021/110',
      'anquan-shengchan-2021/114',
    ]);
  });

  it('links 本法第三十三条第四项 of 劳动争议调解仲裁法第三十四条 to the fourth item', () => {
    expect(articlesOf('laodong-zhengyi-2007/34')).toEqual([['本法第三十三条第四项', 'laodong-zhengyi-2007/33', 'p1-4']]);
  });

  it("links the 2020 interpretation's 工会法第十八条 to the law only (it cites the 2009 numbering), and its 劳动法 item to the 2018 text", () => {
    expect(articlesOf('gonghuifa-jieshi-2020/2')).toEqual([
      ['工会法第十八条', 'gonghuifa-2021', undefined],
      ['工会法第十八条', 'gonghuifa-2021', undefined],
      ['《中华人民共和国劳动法》第二十五条第（二）项', 'laodongfa-2018/25', 'p1-2'],
    ]);
  });

  it('finds no reference in the interpretation (一), whose laws (劳动合同法, 调解仲裁法, 民事诉讼法) are named in short', () => {
    const ids = [...mentions.keys()].filter((id) => id.startsWith('laodong-zhengyi-jieshi1-2020/'));
    expect(ids.flatMap(articlesOf)).toEqual([]);
  });

  it("keeps the notice's own title and 文号 in its text as self mentions", () => {
    expect(mentions.get('laoshebu-tongzhi-2008/h1/0')).toStrictEqual([
      { text: '《关于职工全年月平均工作时间和工资折算问题的通知》', kind: 'title', docNumber: '劳社部发[2000]8号', self: true },
      { text: '劳社部发[2000]8号', kind: 'docNumber', self: true },
    ]);
  });

  it("keeps 工会法第五十八条's 《中华人民共和国工会法》 (of 1950) as a self mention, not as missing", () => {
    expect(mentions.get('gonghuifa-2021/58')).toStrictEqual([{ text: '《中华人民共和国工会法》', kind: 'title', self: true }]);
  });
});
