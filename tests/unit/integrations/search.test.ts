import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECORDS_FILE } from '../../../scripts/lib/pagefind.mjs';
import searchIntegration from '../../../src/integrations/search';
import { loadLibrary } from '../../../src/library';
import { LEXICON_FILE, type OnlineLexicon, PACKS_DIR, WORDS_DIR, packFile } from '../../../src/browser/search/files';
import type { RecordData } from '../../../src/browser/search/record-index';
import type { SearchLayout } from '../../../src/browser/search/search-layout';
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
    await mkdir(join(dir, 'search'), { recursive: true });
    await writeFile(join(dir, 'search', 'index.html'), '<html><head></head><body><ol id="search-results"></ol></body></html>');
    const hook = searchIntegration().hooks['astro:build:done'] as unknown as (p: { dir: URL; logger: typeof logger }) => Promise<void>;
    await hook({ dir: pathToFileURL(dir + '/'), logger });
    const library = await loadLibrary();
    const records = JSON.parse(readFileSync(join(dir, RECORDS_FILE), 'utf8')) as { url: string }[];
    expect(records.map((r) => r.url)).toEqual(library.documents.map((d) => d.url));
    for (const file of [LEXICON_FILE, OFFLINE_FILE]) {
      expect(existsSync(join(dir, 'search', file)), file).toBe(true);
    }
    // Today's vocabulary is one shard: the lexicon holds it and the layout, and there are no shard files.
    const gz = (file: string) => JSON.parse(gunzipSync(readFileSync(join(dir, 'search', file))).toString()) as unknown;
    const lexicon = gz(LEXICON_FILE) as OnlineLexicon;
    expect(lexicon.words?.length).toBeGreaterThan(1000);
    expect(existsSync(join(dir, 'search', WORDS_DIR))).toBe(false);
    // The packs the layout lists hold every clause's display data, in reading order, each named by its content's hash.
    const layout: SearchLayout = lexicon.layout;
    expect(layout.packs[0]?.first).toBe(0);
    const held: RecordData[] = [];
    for (const pack of layout.packs) {
      expect(pack.first).toBe(held.length);
      const bytes = readFileSync(join(dir, 'search', packFile(pack.hash)));
      expect(createHash('sha256').update(bytes).digest('hex').slice(0, 16)).toBe(pack.hash);
      held.push(...(gz(packFile(pack.hash)) as RecordData[]));
    }
    expect(held.map((d) => [d.meta.id, d.url])).toEqual(library.clauses.map((c) => [c.id, c.url]));
    expect(readdirSync(join(dir, 'search', PACKS_DIR)).length).toBe(layout.packs.length);
    // The search page preloads none of the packs: a query loads those its results need.
    expect(readFileSync(join(dir, 'search', 'index.html'), 'utf8')).not.toContain('packs/');
  }, 60_000);
});
