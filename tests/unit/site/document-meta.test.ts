import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../src/model';
import { dateLabel, factRows, issuerLabel, listRows, moreRows, printedIsoDate, showValue } from '../../../src/site/document-meta';

/** A document record with the given fields over an empty one. */
function doc(fields: Partial<DocumentRecord>): DocumentRecord {
  return {
    id: 'x',
    url: '/x/index.html',
    title: 'T',
    titleEditorial: false,
    kind: '通知',
    source: '004_c5ab4ba5001bdcd8.txt',
    furniture: [],
    outline: [],
    clauseCount: 3,
    ...fields,
  };
}
const noRef = () => undefined;

describe('printedIsoDate', () => {
  it('reads a date printed the Chinese way, in brackets or in ISO form', () => {
    expect(printedIsoDate('（2014年12月8日）')).toBe('2014-12-08');
    expect(printedIsoDate('2012年4月28日 中华人民共和国国务院令第619号公布')).toBe('2012-04-28');
    expect(printedIsoDate('收稿日期: 2017-01-11')).toBe('2017-01-11');
  });

  it('is null where no full date is printed', () => {
    expect(printedIsoDate('2017年')).toBeNull();
  });
});

describe('dateLabel', () => {
  it('names a date the document prints on its date line 成文日期', () => {
    expect(dateLabel(doc({ date: '2014-12-08', furniture: [{ role: 'date', text: '（2014年12月8日）', line: 40 }] }))).toBe('成文日期');
  });

  it("names a statute's date after the adoption note it comes from", () => {
    const notes = (...texts: string[]) => texts.map((text, line) => ({ role: 'adoption', text, line }));
    const law = notes(
      '1992年4月3日 第七届全国人民代表大会第五次会议通过',
      '2021年12月24日 第十三届全国人民代表大会常务委员会第三十二次会议《关于修改〈中华人民共和国工会法〉的决定》第三次修正',
    );
    expect(dateLabel(doc({ kind: '法律', date: '2021-12-24', furniture: law }))).toBe('修正日期');
    expect(dateLabel(doc({ kind: '法律', date: '1992-04-03', furniture: law }))).toBe('通过日期');
    const regulation = notes('2012年4月18日 国务院第200次常务会议通过', '2012年4月28日 中华人民共和国国务院令第619号公布');
    expect(dateLabel(doc({ kind: '规定', date: '2012-04-28', furniture: regulation }))).toBe('公布日期');
  });

  it("names a paper's year 发表年份, another bare year 年份, and anything else 日期", () => {
    expect(dateLabel(doc({ kind: '论文', date: '2017' }))).toBe('发表年份');
    expect(dateLabel(doc({ kind: '工作报告', date: '2024' }))).toBe('年份');
    expect(dateLabel(doc({ kind: '通知', date: '2014-12-26' }))).toBe('日期');
  });
});

describe('issuerLabel', () => {
  it('says 制定机关 for laws and regulations and 发文机关 for other documents', () => {
    expect(issuerLabel('法律')).toBe('制定机关');
    expect(issuerLabel('司法解释')).toBe('制定机关');
    expect(issuerLabel('实施意见')).toBe('发文机关');
  });
});

describe('showValue', () => {
  it('writes dates the Chinese way and joins lists', () => {
    expect(showValue('effectiveDate', '2008-05-01')).toBe('2008年5月1日');
    expect(showValue('keywords', ['强三性', '去四化'])).toBe('强三性；去四化');
  });

  it('shows nothing for empty or structured values', () => {
    expect(showValue('notes', '')).toBeNull();
    expect(showValue('outline', [{ level: 1 }])).toBeNull();
  });
});

describe('factRows', () => {
  it('lists issuer, 文号, date, 施行日期 and 时效性 in that order, with their labels (the transcription label is in the name)', () => {
    const rows = factRows(
      doc({
        kind: '法律',
        issuer: '全国人民代表大会常务委员会',
        date: '2007-12-29',
        effectiveDate: '2008-05-01',
        validity: '现行有效',
        version: '转录本甲',
        docNumber: '主席令第80号',
      }),
      noRef,
    );
    expect(rows.map((r) => `${r.label}：${r.value}`)).toEqual([
      '制定机关：全国人民代表大会常务委员会',
      '文号：主席令第80号',
      '日期：2007年12月29日',
      '施行日期：2008年5月1日',
      '时效性：现行有效',
    ]);
  });

  it('names and links the document an annex belongs to', () => {
    const ref = (id: string) =>
      id === 'luhui-2014-79' ? { name: '山东省总工会关于新形势下加强基层工会建设的实施意见', url: '/luhui-2014-79/index.html' } : undefined;
    expect(factRows(doc({ annexOf: 'luhui-2014-79' }), ref)).toEqual([
      { key: 'annexOf', label: '所属文件', value: '山东省总工会关于新形势下加强基层工会建设的实施意见', url: '/luhui-2014-79/index.html' },
    ]);
    expect(factRows(doc({ annexOf: 'elsewhere' }), ref)).toEqual([]);
  });

  it('leaves out the fields a document does not have', () => {
    expect(factRows(doc({}), noRef)).toEqual([]);
  });
});

describe('moreRows', () => {
  it('lists the other fields, never the facts, the title, the transcription label, the kind, the clause count or the source file', () => {
    const rows = moreRows(
      doc({
        issuer: '山东省总工会',
        version: '转录本甲',
        addressees: '各市总工会',
        notes: '说明文字',
        origin: '出处',
        excerpt: '节选：第五至十部分',
        extra: '另一字段',
      }),
    );
    expect(rows.map((r) => `${r.label}：${r.value}`)).toEqual(['主送机关：各市总工会', '说明：说明文字', '文本出处：出处', 'extra：另一字段']);
    expect(JSON.stringify(rows)).not.toContain('004_c5ab4ba5001bdcd8.txt');
  });
});

describe('listRows', () => {
  it('gives the short line of a list entry: issuer, 文号 and the labelled date', () => {
    const d = doc({
      issuer: '山东省总工会',
      docNumber: '鲁会〔2014〕79号',
      date: '2014-12-08',
      furniture: [{ role: 'date', text: '（2014年12月8日）', line: 40 }],
    });
    expect(listRows(d).map((r) => `${r.label}：${r.value}`)).toEqual(['发文机关：山东省总工会', '文号：鲁会〔2014〕79号', '成文日期：2014年12月8日']);
  });
});
