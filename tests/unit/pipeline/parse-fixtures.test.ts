/**
 * Parser fixtures: each folder in tests/fixtures/parse holds an input.txt and the expected
 * result (expected.json: documents with their furniture and clauses, and the warnings).
 * Regenerate with UPDATE=1 after a deliberate change, and read the diff; a folder without
 * expected.json fails until it is written that way.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentNode } from '../../../src/model';
import { applyLeadHeadings } from '../../../src/pipeline/headings';
import { placeClauses } from '../../../src/pipeline/ids';
import { parseSource } from '../../../src/pipeline/parse';
import { clauseText } from '../../../src/pipeline/records';
import { renderClauseBody } from '../../../src/site/render';
import { ROOT } from './helpers';

const DIR = path.join(ROOT, 'tests/fixtures/parse');

/** What a fixture pins down: furniture, clause ids, numbers, headings, texts, rendered bodies, warnings. */
function summarise(input: string) {
  const { tree, diagnostics } = parseSource('input.txt', input);
  const doc = (d: DocumentNode) => ({
    furniture: d.furniture.map((f) => `${f.role}: ${f.text.value}`),
    clauses: placeClauses(applyLeadHeadings(d), 'doc').map(({ clause, divisions, id }) => ({
      id,
      path: divisions.map((v) => `${v.marker?.value ?? ''}${v.title?.value ?? `[${v.number}]`}`),
      number: clause.number,
      ...(clause.heading ? { heading: clause.heading.value } : {}),
      text: clauseText(clause.children),
      html: renderClauseBody(clause),
    })),
  });
  return { documents: tree.children.map(doc), warnings: diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`) };
}

describe.each(readdirSync(DIR))('parser fixture %s', (name) => {
  it('parses its input to the expected documents, clauses and warnings', () => {
    const input = readFileSync(path.join(DIR, name, 'input.txt'), 'utf8');
    const expectedFile = path.join(DIR, name, 'expected.json');
    const actual = summarise(input);
    if (process.env.UPDATE === '1') writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    expect(existsSync(expectedFile), `${name}/expected.json is missing: write it with UPDATE=1 and review it`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
});
