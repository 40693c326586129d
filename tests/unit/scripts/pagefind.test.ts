import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
}));
vi.mock('pagefind', () => mocks);

import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import {
  PAGEFIND_UI_FILES,
  RECORDS_FILE,
  SEARCH_PAGE,
  assertPagefindResponse,
  indexChunkSize,
  indexSite,
  runPagefind,
  withPreloads,
  withoutPreloads,
} from '../../../scripts/lib/pagefind.mjs';

const log = vi.fn();

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
  it('indexes every record, writes <dir>/pagefind without Pagefind’s search interfaces, and closes', async () => {
    const index = fakeIndex();
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: { und: { page_count: 2 } } }));
    for (const name of [...PAGEFIND_UI_FILES, 'pagefind.js']) await writeFile(join(dir, 'pagefind', name), '');
    await runPagefind(dir + '/', records, log);
    expect(
      PAGEFIND_UI_FILES.filter((name) => existsSync(join(dir, 'pagefind', name))),
      'search interfaces left',
    ).toEqual([]);
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(index.addCustomRecord).toHaveBeenCalledTimes(2);
    expect(index.addCustomRecord).toHaveBeenCalledWith(records[0]);
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: `${dir}/pagefind` });
    expect(mocks.close).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('Indexed 2 documents.');
  });

  it('sizes index chunks by the square root of the index, within bounds', () => {
    expect(indexChunkSize(10)).toBe(1000);
    expect(indexChunkSize(8_000_000)).toBe(4000);
    expect(indexChunkSize(1e12)).toBe(20_000);
  });

  it('sets the index chunk size of Pagefind while indexing, and restores the environment', async () => {
    let seen: string | undefined;
    mocks.createIndex.mockImplementation(async () => {
      seen = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
      return { errors: [], index: fakeIndex() };
    });
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    await runPagefind(dir, records, log);
    expect(seen).toBe('1000');
    expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
  });

  it('turns createIndex errors into a thrown error and still closes', async () => {
    mocks.createIndex.mockResolvedValue({ errors: ['no service'] });
    await expect(runPagefind(dir, records, log)).rejects.toThrow(/create an index:\n  - no service/);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('turns addCustomRecord errors into a thrown error naming the record, and still closes', async () => {
    const index = fakeIndex({ addCustomRecord: { errors: ['bad record'] } });
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await expect(runPagefind(dir, records, log)).rejects.toThrow(/index \/d\/index.html:\n  - bad record/);
    expect(index.writeFiles).not.toHaveBeenCalled();
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('turns writeFiles errors into a thrown error and still closes', async () => {
    const index = fakeIndex({ writeFiles: { errors: ['disk full'], outputPath: '' } });
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await expect(runPagefind(dir, records, log)).rejects.toThrow(/write the index:\n  - disk full/);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('closes when a call rejects', async () => {
    mocks.createIndex.mockRejectedValue(new Error('binary missing'));
    await expect(runPagefind(dir, records, log)).rejects.toThrow('binary missing');
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('fails when Pagefind indexed fewer documents than it was given (the layout would not match)', async () => {
    mocks.createIndex.mockResolvedValue({ errors: [], index: fakeIndex() });
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: { und: { page_count: 1 } } }));
    await expect(runPagefind(dir, records, log)).rejects.toThrow('Pagefind indexed 1 of 2 documents.');
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });
});

describe('indexSite', () => {
  it('indexes the records the site build left, removes their file, and preloads Pagefind’s files from the search page', async () => {
    const index = fakeIndex();
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await writeFile(join(dir, RECORDS_FILE), JSON.stringify(records));
    await mkdir(join(dir, 'pagefind'), { recursive: true });
    await mkdir(join(dir, 'search'), { recursive: true });
    await writeFile(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ ...ENTRY, languages: { und: { ...ENTRY.languages.und, page_count: 2 } } }));
    await writeFile(join(dir, SEARCH_PAGE), '<html><head><title>搜索</title></head><body></body></html>');
    await indexSite(dir, log);
    expect(index.addCustomRecord).toHaveBeenCalledTimes(2);
    expect(index.addCustomRecord).toHaveBeenCalledWith(records[1]);
    expect(existsSync(join(dir, RECORDS_FILE))).toBe(false);
    expect(readFileSync(join(dir, SEARCH_PAGE), 'utf8')).toContain('<link rel="modulepreload" href="../pagefind/pagefind.js">');
  });

  it('fails when the site build left no records', async () => {
    await expect(indexSite(dir, log)).rejects.toThrow(/no such file/);
    expect(mocks.createIndex).not.toHaveBeenCalled();
  });
});

/** A pagefind-entry.json of one language without a wasm of its own. */
const ENTRY = { version: '1.6.0', languages: { und: { hash: 'und_4c7ab97b366', wasm: null, page_count: 19 } } };

describe('the preloads of the search page', () => {
  const page = '<html><head><title>搜索</title></head><body><script src="app.js" defer></script></body></html>';

  it('start the module, the metadata and the wasm Pagefind will fetch, before the end of the head', () => {
    expect(withPreloads(page, ENTRY)).toBe(
      '<html><head><title>搜索</title><!--pagefind-preloads-->' +
        '<link rel="modulepreload" href="../pagefind/pagefind.js">' +
        '<link rel="preload" href="../pagefind/pagefind.und_4c7ab97b366.pf_meta" as="fetch" crossorigin>' +
        '<link rel="preload" href="../pagefind/wasm.unknown.pagefind" as="fetch" crossorigin>' +
        '<!--/pagefind-preloads--></head><body><script src="app.js" defer></script></body></html>',
    );
  });

  it('name a language’s own wasm where it has one, and replace earlier preloads rather than add to them', () => {
    const once = withPreloads(page, { languages: { zh: { hash: 'zh_1', wasm: 'zh' } } });
    const twice = withPreloads(once, { languages: { zh: { hash: 'zh_2', wasm: 'zh' } } });
    expect(twice.match(/pagefind-preloads-->/g)).toHaveLength(2);
    expect(twice).toContain('href="../pagefind/wasm.zh.pagefind"');
    expect(twice).toContain('pagefind.zh_2.pf_meta');
    expect(twice).not.toContain('zh_1');
  });

  it('are dropped whole for a copy without pagefind/, leaving the page as it was', () => {
    expect(withoutPreloads(withPreloads(page, ENTRY))).toBe(page);
  });

  it('need a head to go into', () => {
    expect(() => withPreloads('<p>no head</p>', ENTRY)).toThrow(/no <\/head>/);
  });
});
