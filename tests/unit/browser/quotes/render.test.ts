import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuoteData } from '../../../../src/browser/quotes/data';
import { placeEntry } from '../../../../src/browser/quotes/render';

const data = JSON.parse(readFileSync(new URL('../../../fixtures/quotes/library.json', import.meta.url), 'utf8')) as QuoteData;
const at = (id: string) => data.clauses.findIndex((c) => c.id === id);

describe('the basket entry of a quote check result', () => {
  it('is the paragraph the passage stands in, cited with its place', () => {
    expect(placeEntry(data, { clause: at('law/2'), para: 1 }, 'https://example.org/tiaowen/quotes/index.html')).toEqual({
      clause: 'law/2',
      anchor: 'p2',
      url: '/law/2.html',
      cite: '《示例法》第二条第二款',
      label: '《示例法》第二条第二款',
      text: '全国总工会及其各工会组织代表职工的利益，依法维护职工的合法权益。',
    });
  });

  it('is the whole clause, with its heading, where the passage is the heading', () => {
    expect(placeEntry(data, { clause: at('plan-a/1'), para: 0 }, 'file:///home/u/tiaowen/quotes/index.html')).toEqual({
      clause: 'plan-a/1',
      url: '/plan-a/1.html',
      cite: '《示例规划》一、',
      label: '《示例规划》一、（转录本甲）',
      heading: '主要任务',
      text: '推进产业工人队伍建设改革，健全职工技能形成体系。',
    });
  });

  it('names a clause page several folders deep by its site-relative address, whatever the site is served under', () => {
    const deep: QuoteData = { ...data, clauses: [{ ...data.clauses[0]!, url: '../report-2024/2/5/3.html' }] };
    expect(placeEntry(deep, { clause: 0, para: 0 }, 'http://127.0.0.1:4321/sub/dir/quotes/index.html').url).toBe('/report-2024/2/5/3.html');
  });
});
