/**
 * Pages are forever: the ids of every published document, term and unit page are checked in,
 * one `<id><TAB><name>` per line. Texts may be added (new ids appear); a change that removes
 * or renames a published page fails here. Rewrite the lists with UPDATE=1 only when a change
 * is meant, and read the diff. The terms' list is also read by the build (terms.ts), which
 * keeps every listed term while a clause uses it. Clause ids: tests/unit/pipeline/ids.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../../src/model';
import { PUBLISHED_TERMS_FILE, parsePublishedTerms, termId } from '../../../../src/pipeline/links/terms';
import { ROOT, repositoryLibrary } from '../helpers';

const LISTS = {
  documents: 'tests/fixtures/published/documents.txt',
  terms: PUBLISHED_TERMS_FILE,
  units: 'tests/fixtures/published/units.txt',
};
const TERMS_HEADER =
  '# Every term page the site has published: <id><TAB><term>. The build keeps each term listed here\n' +
  '# while a clause uses it (src/pipeline/links/terms.ts). Rewritten only by\n' +
  '# UPDATE=1 npx vitest run tests/unit/pipeline/links/published.test.ts\n';

/** A list's [id, name] rows; a missing list fails. */
function read(file: string): [string, string][] {
  const full = path.join(ROOT, file);
  if (!existsSync(full)) throw new Error(`${file} is missing: write it with UPDATE=1 and review it`);
  return readFileSync(full, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t') as [string, string]);
}

/** A list's rows, after rewriting it from `current` when UPDATE=1 (the terms' list: the rows already there, then the new ones). */
function published(file: string, current: [string, string][], header = ''): [string, string][] {
  if (process.env.UPDATE === '1') writeFileSync(path.join(ROOT, file), header + current.map((row) => row.join('\t')).join('\n') + '\n');
  return read(file);
}

let library: Library;
beforeAll(() => {
  library = repositoryLibrary();
}, 60_000);

describe('published pages', () => {
  it('keep every published document id', () => {
    const list = published(
      LISTS.documents,
      library.documents.map((d) => [d.id, d.title]),
    );
    const ids = new Set(library.documents.map((d) => d.id));
    expect(
      list.map(([id]) => id).filter((id) => !ids.has(id)),
      'published document ids that no longer exist',
    ).toEqual([]);
  });

  it('keep every published term page, for the same term, in the index or as a retired term', () => {
    const pages = [...library.terms, ...(library.retiredTerms ?? [])];
    // The terms' list is only added to: UPDATE=1 keeps every row already there, so a page that goes away still fails here.
    const before = existsSync(path.join(ROOT, LISTS.terms)) ? read(LISTS.terms) : [];
    const known = new Set(before.map(([id]) => id));
    const list = published(LISTS.terms, [...before, ...pages.filter((t) => !known.has(t.id)).map((t): [string, string] => [t.id, t.term])], TERMS_HEADER);
    const byId = new Map(pages.map((t) => [t.id, t.term]));
    expect(
      list.filter(([id, term]) => byId.get(id) !== term),
      'published terms that no longer have their page',
    ).toEqual([]);
    for (const [id, term] of list) expect(termId(term), term).toBe(id);
  });

  it('keep retired terms out of the index: each is a published term', () => {
    const index = new Set(library.terms.map((t) => t.id));
    const listed = new Set(read(LISTS.terms).map(([id]) => id));
    for (const t of library.retiredTerms ?? []) {
      expect(index.has(t.id), t.term).toBe(false);
      expect(listed.has(t.id), t.term).toBe(true);
      expect(t.uses.length, t.term).toBeGreaterThan(0);
    }
    // read on the library: the words the issue named are retired, not indexed
    const retired = new Set((library.retiredTerms ?? []).map((t) => t.term));
    for (const word of ['参加', '标准', '全国', '年度', '领导', '特别']) expect(retired.has(word), word).toBe(true);
  });

  it('keep every published unit page, for the same unit', () => {
    const list = published(
      LISTS.units,
      library.units.map((u) => [u.id, u.name]),
    );
    const byId = new Map(library.units.map((u) => [u.id, u.name]));
    expect(
      list.filter(([id, name]) => byId.get(id) !== name),
      'published units that no longer have their page',
    ).toEqual([]);
  });

  it('are listed once each', () => {
    for (const file of Object.values(LISTS)) {
      const ids = read(file).map(([id]) => id);
      expect(new Set(ids).size, file).toBe(ids.length);
    }
  });
});

describe('the published terms file', () => {
  it('is read as its terms, skipping comments and blank lines', () => {
    expect(parsePublishedTerms('# a comment\n\nt0000000a\t工会干部\nt0000000b\t会站家\n')).toEqual(['工会干部', '会站家']);
  });
});
