import { describe, expect, it } from 'vitest';
import { citeFormatsData } from '../../../src/site/cite-formats';
import { doc, library } from './library-fixture';

const d = doc('law', { title: '工会法', kind: '法律', issuer: '全国人民代表大会常务委员会', date: '2021-12-24' });
const lib = library({ documents: [d], clauses: [] });

describe('citeFormatsData', () => {
  it('offers the CSL-JSON and BibTeX files relative to the page, saved under the document’s id', () => {
    expect(citeFormatsData(lib, d, '/law/1.html', undefined, '2025-01-01').files.map((f) => [f.href, f.download])).toEqual([
      ['../cite/law.json', 'law.json'],
      ['../cite/law.bib', 'law.bib'],
    ]);
  });

  it('puts the date cited into the reference, and the address only with a canonical site', () => {
    const offline = citeFormatsData(lib, d, '/law/1.html', undefined, '2025-01-01');
    expect(offline.gbt.cited).toBe('2025-01-01');
    expect(offline.canonical).toBeUndefined();
    const online = citeFormatsData(lib, d, '/law/1.html', 'https://example.org/', '2025-01-01');
    expect(online.canonical).toBe('https://example.org/law/1.html');
  });
});
