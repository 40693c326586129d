/**
 * Links are forever: the list of every published clause id is checked in. A change that would
 * break a published link fails here; new sources only add ids after the published ones.
 * Regenerate the list with UPDATE=1 only when a change is meant, and read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeClauses } from '../../../src/pipeline/ids';
import { ROOT, SEED_SOURCES, parsed, seeds } from './helpers';

const FIXTURE = path.join(ROOT, 'tests/fixtures/clause-ids.txt');

/** The checked-in list, written only with UPDATE=1; a missing list fails the test. */
function published(ids: readonly string[]): string[] {
  if (process.env.UPDATE === '1') writeFileSync(FIXTURE, ids.join('\n') + '\n');
  if (!existsSync(FIXTURE)) throw new Error(`${path.relative(ROOT, FIXTURE)} is missing: write it with UPDATE=1 and review it`);
  return readFileSync(FIXTURE, 'utf8').trim().split('\n');
}

describe('clause ids', () => {
  const placed = seeds().flatMap((file) => {
    const { tree, meta } = parsed(file);
    return tree.children.flatMap((doc, i) => placeClauses(doc, meta.documents[i].id).map((p) => ({ id: p.id, file })));
  });
  const ids = placed.map((p) => p.id);
  const list = published(ids);

  it('keep every published id, in the published order (new ids may come in between and after)', () => {
    const have = new Set(ids);
    expect(
      list.filter((id) => !have.has(id)),
      'published ids that no longer exist',
    ).toEqual([]);
    const listed = new Set(list);
    expect(ids.filter((id) => listed.has(id))).toEqual(list);
  });

  it('of the five seed sources are exactly the published ids of their documents', () => {
    const seedIds = placed.filter((p) => SEED_SOURCES.includes(p.file)).map((p) => p.id);
    const seedDocs = new Set(seedIds.map((id) => id.split('/')[0]));
    expect(seedIds).toEqual(list.filter((id) => seedDocs.has(id.split('/')[0])));
    expect(seedIds).toHaveLength(237);
  });

  it('are unique across the library', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are short, readable paths of ASCII letters, digits and hyphens', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+(\/[0-9a-z-]+)+$/);
  });
});
