/**
 * The quote check over the fixture cases (tests/fixtures/quotes/cases/<case>/): each draft
 * checked against the small library tests/fixtures/quotes/library.json must give exactly the
 * passages and citation checks of its expected.json, written and checked by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildQuoteIndex, checkDraft } from '../../../../src/browser/quotes/check';
import type { QuoteData } from '../../../../src/browser/quotes/data';

const DIR = join(__dirname, '../../../fixtures/quotes');
const data: QuoteData = JSON.parse(readFileSync(join(DIR, 'library.json'), 'utf8'));
const index = buildQuoteIndex(data);
const cases = readdirSync(join(DIR, 'cases')).sort();

interface Expected {
  passages: { quote: string; match: string; clause: string; anchor: string; alternatives: string[]; del?: string[]; ins?: string[] }[];
  citations: { text: string; status: string }[];
}

describe('the quote check of the fixture drafts', () => {
  it.each(cases)('finds in %s exactly the passages and citation checks written by hand', (name) => {
    const draft = readFileSync(join(DIR, 'cases', name, 'draft.txt'), 'utf8');
    const expected: Expected = JSON.parse(readFileSync(join(DIR, 'cases', name, 'expected.json'), 'utf8'));
    const report = checkDraft(draft, index);
    const id = (clause: number) => data.clauses[clause]!.id;
    const passages = report.passages.map((p) => ({
      quote: draft.slice(p.from, p.to),
      match: p.match,
      clause: id(p.clause),
      anchor: data.clauses[p.clause]!.paras[p.para]!.a,
      alternatives: p.alternatives.map((a) => id(a.clause)),
      ...(p.diff
        ? { del: p.diff.flatMap((r) => (r.op === 'change' && r.del ? [r.del] : [])), ins: p.diff.flatMap((r) => (r.op === 'change' && r.ins ? [r.ins] : [])) }
        : {}),
    }));
    expect(passages).toEqual(expected.passages);
    expect(report.citations.map((c) => ({ text: c.text, status: c.status }))).toEqual(expected.citations);
  });

  it('keeps the equal text of a differing passage as the clause prints it', () => {
    const draft = readFileSync(join(DIR, 'cases', 'one-changed-word', 'draft.txt'), 'utf8');
    const [p] = checkDraft(draft, index).passages;
    const joined = p!.diff!.map((r) => (r.op === 'equal' ? r.text : r.del)).join('');
    expect(joined).toBe('全国总工会及其各工会组织代表职工的利益，依法维护职工的合法权益');
  });

  it('finds nothing in an empty draft', () => {
    expect(checkDraft('', index)).toEqual({ passages: [], citations: [] });
  });
});
