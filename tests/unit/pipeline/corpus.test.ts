/**
 * The test corpus (tests/fixtures/corpus): real public texts of many layouts. Each folder holds
 * the text as published (source.txt), where it came from (SOURCE.md), a hand-checked account of
 * its units (units.md), and the counts and article shapes read off that account
 * (expected-counts.json). The parser must find exactly those units, lose nothing, and keep
 * the outline it found (outline.json; rewritten only with UPDATE=1, after reading the diff).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Clause, Division } from '../../../src/model';
import { decodeSource } from '../../../src/pipeline/decode';
import { placeClauses } from '../../../src/pipeline/ids';
import { parseSource } from '../../../src/pipeline/parse';
import { clauseText } from '../../../src/pipeline/records';
import { ROOT, textsOf } from './helpers';

const DIR = path.join(ROOT, 'tests/fixtures/corpus');

interface Expected {
  divisions: Record<string, number>;
  articles: number;
  items: number;
  numbered?: number;
  unnumbered?: number;
  /** Article value → the number of 项 in each of its 款, in order. */
  shapes?: Record<string, number[]>;
}

/** The 项 count of each 款 of an article: a paragraph without an item opens a 款, an item joins the last one. */
function shape(clause: Clause): number[] {
  const out: number[] = [];
  for (const c of clause.children) {
    if (c.type !== 'paragraph') continue;
    if (c.item && out.length > 0) out[out.length - 1] += 1;
    else out.push(0);
  }
  return out;
}

const nonSpace = (s: string) => s.replace(/\s/g, '');

describe.each(readdirSync(DIR).filter((d) => existsSync(path.join(DIR, d, 'expected-counts.json'))))('corpus text %s', (slug) => {
  const source = decodeSource(readFileSync(path.join(DIR, slug, 'source.txt')), slug);
  const { tree, diagnostics } = parseSource(slug, source);
  const expected = JSON.parse(readFileSync(path.join(DIR, slug, 'expected-counts.json'), 'utf8')) as Expected;
  const placed = tree.children.flatMap((d, i) => placeClauses(d, `d${i}`));
  const clauses = placed.map((p) => p.clause);

  it('has the divisions, articles and items counted by hand', () => {
    const divisions: Record<string, number> = {};
    const walk = (nodes: (Division | Clause)[]) => {
      for (const n of nodes) {
        if (n.type !== 'division') continue;
        divisions[n.level] = (divisions[n.level] ?? 0) + 1;
        walk(n.children);
      }
    };
    for (const d of tree.children) walk(d.children);
    expect(divisions).toEqual(expected.divisions);
    expect(clauses.filter((c) => c.system === 'article').length).toBe(expected.articles);
    expect(clauses.flatMap((c) => c.children).filter((c) => c.type === 'paragraph' && c.item).length).toBe(expected.items);
    if (expected.numbered !== undefined) expect(clauses.filter((c) => c.number !== null).length).toBe(expected.numbered);
    if (expected.unnumbered !== undefined) expect(clauses.filter((c) => c.number === null).length).toBe(expected.unnumbered);
  });

  it('gives each article the 款 and 项 counted by hand', () => {
    for (const [value, kuan] of Object.entries(expected.shapes ?? {})) {
      const article = clauses.find((c) => c.system === 'article' && c.key === value);
      expect(article && shape(article), `第${value}条`).toEqual(kuan);
    }
  });

  it('leaves no clause without text and no numbering warning', () => {
    expect(placed.filter((p) => clauseText(p.clause.children) === '').map((p) => p.id)).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('keeps every character that is not whitespace, in source order', () => {
    const spans = tree.children
      .flatMap(textsOf)
      .flatMap((t) => t.spans)
      .sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    expect(nonSpace(spans.map((s) => source.slice(s.start, s.end)).join(''))).toBe(nonSpace(source));
  });

  it('keeps the outline it was checked with (outline.json)', () => {
    const outline = tree.children.map((d) => ({
      furniture: d.furniture.map((f) => `${f.role}: ${f.text.value}`),
      clauses: placeClauses(d, 'doc').map(({ clause, divisions, id }) =>
        [
          id,
          divisions.map((v) => `${v.marker?.value ?? ''}${v.title?.value ?? `[${v.number}]`}`).join(' / '),
          clause.number ?? '',
          clause.heading?.value ?? '',
          shape(clause).join(','),
        ].join(' | '),
      ),
    }));
    const file = path.join(DIR, slug, 'outline.json');
    if (process.env.UPDATE === '1') writeFileSync(file, JSON.stringify(outline, null, 1) + '\n');
    expect(existsSync(file), `${file} is missing; write it with UPDATE=1 and read it`).toBe(true);
    expect(outline).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
