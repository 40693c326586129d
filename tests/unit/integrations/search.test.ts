import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECORDS_FILE } from '../../../scripts/lib/pagefind.mjs';
import searchIntegration from '../../../src/integrations/search';
import { loadLibrary } from '../../../src/library';
import { LAYOUT_FILE, LEXICON_FILE, clauseFile, wordsFile } from '../../../src/browser/search/files';
import { OFFLINE_FILE } from '../../../src/browser/search/offline';

const logger = { info: vi.fn(), warn: vi.fn() };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tiaowen-search-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the search integration', () => {
  it('writes the search files, the offline data and one Pagefind record per document of the library, in astro:build:done', async () => {
    const hook = searchIntegration().hooks['astro:build:done'] as unknown as (p: { dir: URL; logger: typeof logger }) => Promise<void>;
    await hook({ dir: pathToFileURL(dir + '/'), logger });
    const library = await loadLibrary();
    const records = JSON.parse(readFileSync(join(dir, RECORDS_FILE), 'utf8')) as { url: string }[];
    expect(records.map((r) => r.url)).toEqual(library.documents.map((d) => d.url));
    for (const file of [LEXICON_FILE, wordsFile(0), LAYOUT_FILE, clauseFile(0), clauseFile(library.clauses.length - 1), OFFLINE_FILE]) {
      expect(existsSync(join(dir, 'search', file)), file).toBe(true);
    }
    expect(existsSync(join(dir, 'search', clauseFile(library.clauses.length)))).toBe(false);
  }, 60_000);
});
