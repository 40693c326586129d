/**
 * The clause page's 加入材料篮 (src/browser/site/basket.ts) and the search results' (hitEntry in
 * src/browser/search/ui.ts): the entries they make. Clicking them is tested in the browser
 * (tests/e2e/basket.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { BasketEntry } from '../../../../src/browser/basket/entries';
import { hitEntry } from '../../../../src/browser/search/ui';
import { paragraphEntry } from '../../../../src/browser/site/basket';

const clause: BasketEntry = {
  clause: 'luhui-2014-79/2/4',
  url: '/luhui-2014-79/2/4.html',
  cite: '《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）第四条',
  label: '《山东省总工会关于新形势下加强基层工会建设的实施意见》第四条',
  heading: '加强企业和机关事业单位工会建设。',
  text: '甲。\n乙。',
};

describe('basket entries of a clause page and of a search result', () => {
  it('narrows the clause to a paragraph: its anchor, its citation, its place added to the name, its text, no heading', () => {
    expect(paragraphEntry(clause, 'p2', `${clause.cite}第二段`, '乙。')).toEqual({
      clause: 'luhui-2014-79/2/4',
      anchor: 'p2',
      url: '/luhui-2014-79/2/4.html',
      cite: '《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）第四条第二段',
      label: '《山东省总工会关于新形势下加强基层工会建设的实施意见》第四条第二段',
      text: '乙。',
    });
  });

  it('cites a search result by its document citation and place, names it as links do, and keeps its paragraphs', () => {
    const doc = {
      id: 'luhui-2014-79',
      title: '山东省总工会关于新形势下加强基层工会建设的实施意见',
      kind: '实施意见',
      year: '2014',
      cite: '《山东省总工会关于新形势下加强基层工会建设的实施意见》（鲁会〔2014〕79号）',
    };
    expect(hitEntry({ id: clause.clause, url: clause.url, doc, position: '第四条', heading: clause.heading, paragraphs: ['甲。', '乙。'] })).toEqual(clause);
  });

  it('names an untitled document without title marks, and a transcription with its label', () => {
    const doc = {
      id: 'report-2024',
      title: '中华全国总工会2024年工作报告',
      kind: '报告',
      year: '2024',
      untitled: true as const,
      cite: '中华全国总工会2024年工作报告',
    };
    expect(hitEntry({ id: 'report-2024/1', url: '/report-2024/1.html', doc, position: '第一部分', paragraphs: ['丙。'] })).toEqual({
      clause: 'report-2024/1',
      url: '/report-2024/1.html',
      cite: '中华全国总工会2024年工作报告第一部分',
      label: '中华全国总工会2024年工作报告第一部分',
      text: '丙。',
    });
    const plan = { id: 'plan14-b', title: '某规划（转录本乙）', kind: '规划', year: '2021', version: '转录本乙', work: '某规划', cite: '《某规划》' };
    expect(hitEntry({ id: 'plan14-b/3', url: '/plan14-b/3.html', doc: plan, position: '第三条', paragraphs: ['丁。'] }).label).toBe(
      '《某规划》第三条（转录本乙）',
    );
  });
});
