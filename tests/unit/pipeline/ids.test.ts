/**
 * Links are forever: the list of every clause id is checked in. A change that would break a
 * published link fails here; regenerate the list with UPDATE=1 only when the change is meant.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeClauses } from '../../../src/pipeline/ids';
import { ROOT, parsed, seeds } from './helpers';

const FIXTURE = path.join(ROOT, 'tests/fixtures/clause-ids.txt');

describe('clause ids', () => {
  const ids = seeds().flatMap((file) => {
    const { tree, meta } = parsed(file);
    return tree.children.flatMap((doc, i) => placeClauses(doc, meta.documents[i].id).map((p) => p.id));
  });

  it('match the checked-in list of published ids', () => {
    if (process.env.UPDATE === '1' || !existsSync(FIXTURE)) writeFileSync(FIXTURE, ids.join('\n') + '\n');
    const published = readFileSync(FIXTURE, 'utf8').trim().split('\n');
    const missing = published.filter((id) => !ids.includes(id));
    expect(missing, 'published ids that no longer exist').toEqual([]);
    expect(ids).toEqual(published);
  });

  it('are unique across the library', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are short, readable paths of ASCII letters, digits and hyphens', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+(\/[0-9a-z-]+)+$/);
  });
});
