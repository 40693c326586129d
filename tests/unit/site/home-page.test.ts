import { describe, expect, it } from 'vitest';
import { byWork, homePageData } from '../../../src/site/home-page';
import { clause, doc, library } from './library-fixture';

const lib = library({
  documents: [
    doc('law', { kind: '法律' }),
    doc('a', { kind: '规划', work: 'w', version: '转录本甲' }),
    doc('note', { kind: '规划' }),
    doc('b', { kind: '规划', work: 'w', version: '转录本乙' }),
  ],
  clauses: [clause('a/1', '1'), clause('a/2', '2'), clause('b/1', '1')],
});

describe('byWork', () => {
  it('gathers the items of one work where the first of them stands and keeps the rest in order', () => {
    const groups = byWork(['a1', 'x', 'a2', 'y'], (s) => (s.startsWith('a') ? 'a' : undefined));
    expect(groups).toEqual([
      { work: 'a', docs: ['a1', 'a2'] },
      { work: undefined, docs: ['x'] },
      { work: undefined, docs: ['y'] },
    ]);
  });
});

describe('homePageData', () => {
  it('groups the documents by kind, numbering the groups’ anchors, with the transcriptions of a work together', () => {
    const { kindGroups } = homePageData(lib, undefined);
    expect(kindGroups.map((g) => [g.id, g.name, g.count])).toEqual([
      ['kind-1', '法律法规', 1],
      ['kind-2', '规划', 3],
    ]);
    expect(kindGroups[1].works.map((w) => w.docs.map((d) => d.href))).toEqual([['a/index.html', 'b/index.html'], ['note/index.html']]);
  });

  it('names each document with its transcription label and counts its clauses', () => {
    const entry = homePageData(lib, undefined).kindGroups[1].works[0].docs[0];
    expect(entry.name).toBe('a的标题（转录本甲）');
    expect(entry.clauseCount).toBe(2);
  });

  it('links the indexes, the open data and the offline bundle relative to the home page', () => {
    expect(homePageData(lib, undefined).hrefs).toEqual({
      terms: 'terms/index.html',
      units: 'units/index.html',
      compare: 'compare/index.html',
      documentsJson: 'data/documents.json',
      clausesJson: 'data/clauses.json',
      termsJson: 'data/terms.json',
      bundle: 'download/tiaowen-offline.zip',
    });
  });

  it('names the online home only when the build has a canonical site', () => {
    expect(homePageData(lib, undefined).onlineHome).toBeUndefined();
    expect(homePageData(lib, 'https://example.org/').onlineHome).toBe('https://example.org/index.html');
  });
});
