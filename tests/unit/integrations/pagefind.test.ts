import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
}));
vi.mock('pagefind', () => mocks);

import { existsSync } from 'node:fs';
import pagefindIntegration, { INDEX_CHUNK_SIZE, assertPagefindResponse, runPagefind } from '../../../src/integrations/pagefind';
import { loadLibrary } from '../../../src/library';
import { LAYOUT_FILE, LEXICON_FILE, clauseFile } from '../../../src/search/files';
import { OFFLINE_FILE } from '../../../src/search/offline';

const logger = { info: vi.fn(), warn: vi.fn() };

const records = [
  { url: '/d/index.html', content: '职工 工会', language: 'und' as const, sort: { order: '0' } },
  { url: '/e/index.html', content: '工会', language: 'und' as const, sort: { order: '1' } },
];

function fakeIndex(over: Partial<Record<'addCustomRecord' | 'writeFiles', unknown>> = {}) {
  return {
    addCustomRecord: vi.fn(async () => over.addCustomRecord ?? { errors: [] }),
    writeFiles: vi.fn(async () => over.writeFiles ?? { errors: [], outputPath: 'x' }),
  };
}

let dir: string;
beforeEach(async () => {
  vi.clearAllMocks();
  dir = await mkdtemp(join(tmpdir(), 'tiaowen-pf-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('assertPagefindResponse', () => {
  it('returns a response without errors', () => {
    const r = { errors: [], page_count: 2 };
    expect(assertPagefindResponse(r, 'index')).toBe(r);
  });
  it('throws an error naming every message', () => {
    expect(() => assertPagefindResponse({ errors: ['bad one', 'bad two'] }, 'index the site')).toThrow(
      /Pagefind failed to index the site:\n  - bad one\n  - bad two/,
    );
  });
});

describe('runPagefind', () => {
  it('indexes every record, writes <dir>/pagefind and closes', async () => {
    const index = fakeIndex();
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: { und: { page_count: 2 } } }));
    await runPagefind(dir + '/', { records }, logger);
    expect(index.addCustomRecord).toHaveBeenCalledTimes(2);
    expect(index.addCustomRecord).toHaveBeenCalledWith(records[0]);
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: `${dir}/pagefind` });
    expect(mocks.close).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith('Indexed 2 documents.');
  });

  it('sets the index chunk size of Pagefind while indexing, and restores the environment', async () => {
    let seen: string | undefined;
    mocks.createIndex.mockImplementation(async () => {
      seen = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
      return { errors: [], index: fakeIndex() };
    });
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    await runPagefind(dir, { records }, logger);
    expect(seen).toBe(INDEX_CHUNK_SIZE);
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  });

  it('turns createIndex errors into a thrown error and still closes', async () => {
    mocks.createIndex.mockResolvedValue({ errors: ['no service'] });
    await expect(runPagefind(dir, { records }, logger)).rejects.toThrow(/create an index:\n  - no service/);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('turns addCustomRecord errors into a thrown error naming the record, and still closes', async () => {
    const index = fakeIndex({ addCustomRecord: { errors: ['bad record'] } });
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await expect(runPagefind(dir, { records }, logger)).rejects.toThrow(/index \/d\/index.html:\n  - bad record/);
    expect(index.writeFiles).not.toHaveBeenCalled();
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('turns writeFiles errors into a thrown error and still closes', async () => {
    const index = fakeIndex({ writeFiles: { errors: ['disk full'], outputPath: '' } });
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await expect(runPagefind(dir, { records }, logger)).rejects.toThrow(/write the index:\n  - disk full/);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('closes when a call rejects', async () => {
    mocks.createIndex.mockRejectedValue(new Error('binary missing'));
    await expect(runPagefind(dir, { records }, logger)).rejects.toThrow('binary missing');
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('fails when Pagefind indexed fewer documents than it was given (the layout would not match)', async () => {
    mocks.createIndex.mockResolvedValue({ errors: [], index: fakeIndex() });
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: { und: { page_count: 1 } } }));
    await expect(runPagefind(dir, { records }, logger)).rejects.toThrow('Pagefind indexed 1 of 2 documents.');
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });
});

describe('pagefindIntegration', () => {
  it('writes the search files and the offline data, and indexes one record per document of the library, in astro:build:done', async () => {
    const index = fakeIndex();
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    const hook = pagefindIntegration().hooks['astro:build:done'] as unknown as (p: { dir: URL; logger: typeof logger }) => Promise<void>;
    await hook({ dir: pathToFileURL(dir + '/'), logger });
    const library = await loadLibrary();
    expect(index.addCustomRecord).toHaveBeenCalledTimes(library.documents.length);
    for (const file of [LEXICON_FILE, LAYOUT_FILE, clauseFile(0), clauseFile(library.clauses.length - 1)]) {
      expect(existsSync(join(dir, 'search', file)), file).toBe(true);
    }
    expect(existsSync(join(dir, 'search', clauseFile(library.clauses.length)))).toBe(false);
    expect(existsSync(join(dir, 'search', OFFLINE_FILE))).toBe(true);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  }, 60_000);

  it('fails the build when Pagefind reports errors', async () => {
    mocks.createIndex.mockResolvedValue({ errors: ['boom'] });
    const hook = pagefindIntegration().hooks['astro:build:done'] as unknown as (p: { dir: URL; logger: typeof logger }) => Promise<void>;
    await expect(hook({ dir: pathToFileURL(dir + '/'), logger })).rejects.toThrow(/boom/);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  }, 60_000);
});
