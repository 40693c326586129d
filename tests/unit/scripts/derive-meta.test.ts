/**
 * What add-source derives from a text. Each folder in tests/fixtures/add-source/derive holds
 * either input.txt (a text, run through the parser) or furniture.txt (the front matter the
 * parser finds, one `role: text` line each, documents separated by a blank line), and
 * expected.json: per document the id, title, kind, issuer, 文号 and date (and, for input.txt,
 * whether clauses open with lead headings), written by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentNode } from '../../../src/model';
import { parseSource } from '../../../src/pipeline/parse';
import {
  assignIds,
  corePinyin,
  deriveDocument,
  idFromDocNumber,
  inheritFromParent,
  meetingBody,
  smallNumber,
  titleCore,
} from '../../../scripts/lib/derive-meta';
import { ROOT, seeds, parsed } from '../pipeline/helpers';

const DIR = path.join(ROOT, 'tests/fixtures/add-source/derive');

/** Documents with the given furniture and no clauses, as the parser would give them. */
function documentsOf(furniture: string): DocumentNode[] {
  let line = 0;
  return furniture
    .trimEnd()
    .split(/\n\s*\n/)
    .map((block, index) => {
      const start = line + 1;
      const items = block.split('\n').map((l) => {
        line += 1;
        const m = /^(\w+): ?(.*)$/.exec(l);
        if (!m) throw new Error(`furniture line ${line} is not "role: text": ${l}`);
        return { role: m[1], text: { type: 'text' as const, value: m[2], spans: [] }, line };
      });
      line += 1;
      return { type: 'document' as const, index, furniture: items, children: [], line: start };
    });
}

/** What a fixture pins down: per document the derived metadata (and lead headings for a parsed text). */
function summarise(docs: DocumentNode[], withLeadHeadings: boolean) {
  const derived = inheritFromParent(docs.map(deriveDocument));
  const ids = assignIds(derived, new Set());
  return derived.map((d, i) => ({
    id: ids[i]?.id ?? null,
    ...(d.title ? { title: d.title.value } : {}),
    ...(d.kind ? { kind: d.kind.value } : {}),
    ...(d.issuer ? { issuer: d.issuer.value } : {}),
    ...(d.docNumber ? { docNumber: d.docNumber.value } : {}),
    ...(d.date ? { date: d.date.value } : {}),
    ...(withLeadHeadings ? { leadHeadings: d.leadHeadings.value } : {}),
  }));
}

describe.each(readdirSync(DIR))('derivation fixture %s', (name) => {
  it('derives the metadata written down by hand', () => {
    const input = path.join(DIR, name, 'input.txt');
    const docs = existsSync(input)
      ? parseSource('input.txt', readFileSync(input, 'utf8')).tree.children
      : documentsOf(readFileSync(path.join(DIR, name, 'furniture.txt'), 'utf8'));
    const expected = JSON.parse(readFileSync(path.join(DIR, name, 'expected.json'), 'utf8'));
    expect(summarise(docs, existsSync(input))).toEqual(expected);
  });
});

describe('derivation on the library', () => {
  it('derives the ids, kinds and issuers that the library metadata of 004 sets by hand', () => {
    const { tree, meta } = parsed('004_c5ab4ba5001bdcd8.txt');
    const docs = parseSource('004', tree.text).tree.children;
    const derived = inheritFromParent(docs.map(deriveDocument));
    const ids = assignIds(derived, new Set());
    expect(ids.map((x) => x?.id)).toEqual(meta.documents.map((d) => d.id));
    expect(derived.map((d) => d.kind?.value)).toEqual(meta.documents.map((d) => d.kind));
    expect(derived.map((d) => d.issuer?.value)).toEqual(meta.documents.map((d) => d.issuer));
  });

  it('derives lead headings as the library metadata sets them, for every seed', () => {
    for (const file of seeds()) {
      const { tree, meta } = parsed(file);
      const docs = parseSource(file, tree.text).tree.children;
      expect(
        docs.map((d) => deriveDocument(d).leadHeadings.value),
        file,
      ).toEqual(meta.documents.map((d) => d.leadHeadings ?? false));
    }
  });
});

describe('ids', () => {
  it('reads a 文号 as prefix, year and number', () => {
    expect(idFromDocNumber('鲁会〔2014〕79号')).toBe('luhui-2014-79');
    expect(idFromDocNumber('总工发〔2021〕1号')).toBe('zonggongfa-2021-1');
    expect(idFromDocNumber('第3号')).toBeNull();
  });

  it('reads small Chinese numerals', () => {
    expect(['一', '十', '十二', '二十', '九十九', '3', '一二', '试行'].map(smallNumber)).toEqual([1, 10, 12, 20, 99, 3, null, null]);
  });

  it('takes the core of a title: no 中华人民共和国, issuer, 关于, 的 or bracketed note', () => {
    expect(titleCore('中华人民共和国工会法')).toEqual({ core: '工会法', number: null });
    expect(titleCore('最高人民法院关于审理劳动争议案件适用法律问题的解释（二）')).toEqual({ core: '审理劳动争议案件适用法律问题解释', number: 2 });
    expect(titleCore('关于转发《山东省总工会关于新形势下加强基层工会建设的实施意见》的通知').core).toBe(
      '转发山东省总工会关于新形势下加强基层工会建设实施意见通知',
    );
  });

  it('keeps whole syllables and the last word of kind when the pinyin is too long', () => {
    expect(corePinyin('工会法')).toBe('gonghuifa');
    expect(corePinyin('审理劳动争议案件适用法律问题解释')).toBe('shenlilaodongzhengyijieshi');
    expect(corePinyin('调解仲裁法', 12)).toBe('tiaojiefa');
  });

  it('reads polyphonic characters in context', () => {
    expect(corePinyin('会计核算办法')).toBe('kuaijihesuanbanfa');
    expect(corePinyin('重庆市工会条例')).toBe('chongqingshigonghuitiaoli');
  });

  it('falls back to the whole title, then a suffix, when an id is taken', () => {
    const [law] = documentsOf('title: 中华人民共和国工会法\nadoption: 2021年12月24日 第十三届全国人民代表大会常务委员会第三十二次会议修正').map(deriveDocument);
    expect(assignIds([law], new Set())[0]).toEqual({ id: 'gonghuifa-2021', from: 'the title and the year' });
    expect(assignIds([law], new Set(['gonghuifa-2021']))[0]).toMatchObject({
      id: 'zhonghuarenmingongheguofa-2021',
      notice: expect.stringContaining('gonghuifa-2021 is taken'),
    });
    expect(assignIds([law, law], new Set(['gonghuifa-2021', 'zhonghuarenmingongheguofa-2021'])).map((x) => x?.id)).toEqual([
      'gonghuifa-2021-2',
      'gonghuifa-2021-3',
    ]);
    expect(assignIds([law], new Set(), ['my-id'])[0]).toEqual({ id: 'my-id', from: '--id' });
  });
});

describe('adoption notes', () => {
  it('names the body that held the meeting, and nothing it does not name', () => {
    expect(meetingBody('1992年4月3日 第七届全国人民代表大会第五次会议通过')).toBe('全国人民代表大会');
    expect(meetingBody('（2021年12月24日第十三届全国人民代表大会常务委员会第三十二次会议修正）')).toBe('全国人民代表大会常务委员会');
    expect(meetingBody('2020年12月25日 最高人民法院审判委员会第1825次会议通过')).toBe('最高人民法院审判委员会');
    expect(meetingBody('2021年1月1日 施行')).toBeNull();
    expect(meetingBody('2012年4月18日 国务院第200次常务会议通过')).toBe('国务院');
    expect(meetingBody('2012年4月28日 中华人民共和国国务院令第619号公布')).toBe('国务院');
  });
});
