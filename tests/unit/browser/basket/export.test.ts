import { describe, expect, it } from 'vitest';
import type { BasketEntry } from '../../../../src/browser/basket/entries';
import { basketMarkdown, basketText, docxPlan, entryHeading, escapeMarkdown, exportFileName } from '../../../../src/browser/basket/export';

const law: BasketEntry = {
  clause: 'gonghuifa-2021/11',
  url: '/gonghuifa-2021/11.html',
  cite: '《中华人民共和国工会法》第十一条',
  text: '用人单位有会员二十五人以上的，应当建立基层工会委员会。\n企业职工较多的乡镇、城市街道，可以建立基层工会的联合会。',
};
const para: BasketEntry = {
  ...law,
  anchor: 'p2',
  cite: '《中华人民共和国工会法》第十一条第二款',
  text: '企业职工较多的乡镇、城市街道，可以建立基层工会的联合会。',
};
const opinion: BasketEntry = {
  clause: 'luhui-2014-79/2/4',
  url: '/luhui-2014-79/2/4.html',
  cite: '《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）第四条',
  label: '《山东省总工会关于新形势下加强基层工会建设的实施意见》第四条',
  heading: '加强企业和机关事业单位工会建设。',
  text: '1. 第一项*要点*。',
};
const ROOT = 'https://example.org/';

describe('basket exports', () => {
  it('heads a passage with its short name and its heading, else with its citation', () => {
    expect(entryHeading(opinion)).toBe('《山东省总工会关于新形势下加强基层工会建设的实施意见》第四条 加强企业和机关事业单位工会建设。');
    expect(entryHeading(para)).toBe('《中华人民共和国工会法》第十一条第二款');
  });

  it('writes plain text with the title, each passage under its heading and its citation with its link after it', () => {
    expect(basketText([para, law], ROOT)).toBe(
      [
        '材料汇编',
        '',
        '《中华人民共和国工会法》第十一条第二款',
        '企业职工较多的乡镇、城市街道，可以建立基层工会的联合会。',
        '（出处：《中华人民共和国工会法》第十一条第二款 https://example.org/gonghuifa-2021/11.html#p2）',
        '',
        '《中华人民共和国工会法》第十一条',
        '用人单位有会员二十五人以上的，应当建立基层工会委员会。',
        '企业职工较多的乡镇、城市街道，可以建立基层工会的联合会。',
        '（出处：《中华人民共和国工会法》第十一条 https://example.org/gonghuifa-2021/11.html）',
        '',
      ].join('\n'),
    );
  });

  it('writes plain text without links where there is no site root, as the offline copy copies citations', () => {
    expect(basketText([opinion], null)).toContain('（出处：《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）第四条）');
    expect(basketText([opinion], null)).not.toContain('http');
  });

  it('escapes what Markdown would read as markup, and leaves Chinese text alone', () => {
    expect(escapeMarkdown('1. 第一项*要点*')).toBe('1\\. 第一项\\*要点\\*');
    expect(escapeMarkdown('# 标题 [甲] <乙> a_b')).toBe('\\# 标题 \\[甲\\] \\<乙\\> a\\_b');
    expect(escapeMarkdown('企业职工较多的乡镇、城市街道。')).toBe('企业职工较多的乡镇、城市街道。');
  });

  it('writes Markdown with a heading per passage and its citation as a footnote at its end', () => {
    expect(basketMarkdown([law, opinion], ROOT)).toBe(
      [
        '# 材料汇编',
        '',
        '## 《中华人民共和国工会法》第十一条',
        '',
        '用人单位有会员二十五人以上的，应当建立基层工会委员会。',
        '',
        '企业职工较多的乡镇、城市街道，可以建立基层工会的联合会。[^1]',
        '',
        '## 《山东省总工会关于新形势下加强基层工会建设的实施意见》第四条 加强企业和机关事业单位工会建设。',
        '',
        '1\\. 第一项\\*要点\\*。[^2]',
        '',
        '[^1]: 《中华人民共和国工会法》第十一条 <https://example.org/gonghuifa-2021/11.html>',
        '',
        '[^2]: 《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）第四条 <https://example.org/luhui-2014-79/2/4.html>',
        '',
      ].join('\n'),
    );
  });

  it('plans the Word document as the title, then each passage with its heading, paragraphs and footnote', () => {
    expect(docxPlan([para, opinion], null)).toEqual({
      title: '材料汇编',
      passages: [
        {
          heading: '《中华人民共和国工会法》第十一条第二款',
          paragraphs: ['企业职工较多的乡镇、城市街道，可以建立基层工会的联合会。'],
          footnote: '《中华人民共和国工会法》第十一条第二款',
        },
        {
          heading: '《山东省总工会关于新形势下加强基层工会建设的实施意见》第四条 加强企业和机关事业单位工会建设。',
          paragraphs: ['1. 第一项*要点*。'],
          footnote: '《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）第四条',
        },
      ],
    });
  });

  it('names an exported file by the title and the day', () => {
    expect(exportFileName('2026-12-05', 'docx')).toBe('材料汇编-2026-12-05.docx');
  });
});
