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

import pagefindIntegration, { assertPagefindResponse, runPagefind } from '../../../src/integrations/pagefind';

const logger = { info: vi.fn(), warn: vi.fn() };

function fakeIndex(over: Partial<Record<'addDirectory' | 'writeFiles', unknown>> = {}) {
  return {
    addDirectory: vi.fn(async () => over.addDirectory ?? { errors: [], page_count: 3 }),
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
  it('indexes the directory, writes <dir>/pagefind and closes', async () => {
    const index = fakeIndex();
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: { 'zh-cn': { page_count: 2 } } }));
    await runPagefind(dir + '/', logger);
    expect(mocks.createIndex).toHaveBeenCalledWith(expect.objectContaining({ keepIndexUrl: true }));
    expect(index.addDirectory).toHaveBeenCalledWith({ path: dir + '/' });
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: `${dir}/pagefind` });
    expect(mocks.close).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith('Indexed 2 pages (zh-cn: 2).');
  });

  it('turns createIndex errors into a thrown error and still closes', async () => {
    mocks.createIndex.mockResolvedValue({ errors: ['no service'] });
    await expect(runPagefind(dir, logger)).rejects.toThrow(/create an index:\n  - no service/);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('turns addDirectory errors into a thrown error and still closes', async () => {
    const index = fakeIndex({ addDirectory: { errors: ['unreadable file'], page_count: 0 } });
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await expect(runPagefind(dir, logger)).rejects.toThrow(/index the site:\n  - unreadable file/);
    expect(index.writeFiles).not.toHaveBeenCalled();
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('turns writeFiles errors into a thrown error and still closes', async () => {
    const index = fakeIndex({ writeFiles: { errors: ['disk full'], outputPath: '' } });
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    await expect(runPagefind(dir, logger)).rejects.toThrow(/write the index:\n  - disk full/);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('closes when a call rejects', async () => {
    mocks.createIndex.mockRejectedValue(new Error('binary missing'));
    await expect(runPagefind(dir, logger)).rejects.toThrow('binary missing');
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('warns when no page was indexed', async () => {
    mocks.createIndex.mockResolvedValue({ errors: [], index: fakeIndex() });
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ languages: {} }));
    await runPagefind(dir, logger);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/indexed no page/));
  });
});

describe('pagefindIntegration', () => {
  it('runs in astro:build:done on the output directory', async () => {
    const index = fakeIndex();
    mocks.createIndex.mockResolvedValue({ errors: [], index });
    const integration = pagefindIntegration();
    const hook = integration.hooks['astro:build:done'] as unknown as (p: { dir: URL; logger: typeof logger }) => Promise<void>;
    await hook({ dir: pathToFileURL(dir + '/'), logger });
    expect(index.addDirectory).toHaveBeenCalledWith({ path: dir + '/' });
    expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: `${dir}/pagefind` });
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });

  it('fails the build when Pagefind reports errors', async () => {
    mocks.createIndex.mockResolvedValue({ errors: ['boom'] });
    const hook = pagefindIntegration().hooks['astro:build:done'] as unknown as (p: { dir: URL; logger: typeof logger }) => Promise<void>;
    await expect(hook({ dir: pathToFileURL(dir + '/'), logger })).rejects.toThrow(/boom/);
    expect(mocks.close).toHaveBeenCalledTimes(1);
  });
});
