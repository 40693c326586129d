import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../src/model';
import { compareYears, docNumberYear, documentYear } from '../../../src/site/doc-year';
import { doc } from './library-fixture';

const docs = [
  doc('dated', { date: '2014-12-08' }),
  doc('year', { date: '2017' }),
  doc('numbered', { docNumber: '劳社部发[2008]3号' }),
  doc('annex', { annexOf: 'dated' }),
  doc('annex2', { annexOf: 'numbered' }),
  doc('none'),
];
const byId = (id: string): DocumentRecord | undefined => docs.find((d) => d.id === id);
const yearOf = (id: string) => documentYear(byId(id)!, byId);

describe('docNumberYear', () => {
  it('reads the year in the brackets of a 文号, whichever brackets are printed', () => {
    expect(['鲁会〔2014〕79号', '劳社部发[2008]3号', '甲（2020）5号', '乙［2021］6号'].map(docNumberYear)).toEqual([2014, 2008, 2020, 2021]);
  });

  it('gives nothing for a 文号 without a year in brackets, or none', () => {
    expect([docNumberYear('国务院令第619号'), docNumberYear(undefined)]).toEqual([undefined, undefined]);
  });
});

describe('documentYear', () => {
  it('takes the year from the date, keeping a full date for ordering within the year', () => {
    expect(yearOf('dated')).toEqual({ year: 2014, date: '2014-12-08', source: 'date' });
    expect(yearOf('year')).toEqual({ year: 2017, date: undefined, source: 'date' });
  });

  it('falls back on the 文号, then on the document an annex belongs to', () => {
    expect(yearOf('numbered')).toEqual({ year: 2008, source: 'docNumber' });
    expect(yearOf('annex')).toEqual({ year: 2014, date: '2014-12-08', source: 'annexOf' });
    expect(yearOf('annex2')).toEqual({ year: 2008, date: undefined, source: 'annexOf' });
  });

  it('gives nothing where the metadata holds no year, and stops on an annex that names itself', () => {
    expect(yearOf('none')).toBeUndefined();
    const loop = doc('loop', { annexOf: 'loop' });
    expect(documentYear(loop, () => loop)).toBeUndefined();
  });
});

describe('compareYears', () => {
  it('orders by year, then by full date where both have one, and puts an unknown year last', () => {
    const y = (id: string) => yearOf(id);
    expect(compareYears(y('numbered'), y('dated'))).toBeLessThan(0);
    expect(compareYears({ year: 2014, date: '2014-12-26', source: 'date' }, y('dated'))).toBeGreaterThan(0);
    expect(compareYears({ year: 2014, source: 'docNumber' }, y('dated'))).toBe(0);
    expect(compareYears(y('none'), y('dated'))).toBeGreaterThan(0);
    expect(compareYears(y('none'), y('none'))).toBe(0);
  });
});
