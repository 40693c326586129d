import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_PATH, FALLBACK_EPOCH, formatDate, formatSize, homeVariant, sourceEpoch, writeBundle, zipFiles } from '../../../scripts/lib/bundle.mjs';

const ROOT = join(__dirname, '../../..');
const EPOCH = 1763778600; // 2025-11-22T02:30:00Z

/** A home page with both download blocks, as src/pages/index.astro renders them. */
const HOME =
  '<main><h1>条文通</h1><section id="offline"><h2>离线版</h2>' +
  '<div data-bundle="online"><p><a href="download/tiaowen-offline.zip" download>下载离线版</a>（ZIP 文件，BUNDLE_SIZE，BUNDLE_DATE生成）</p></div>' +
  '<div data-bundle="offline" hidden><p>这是离线版，BUNDLE_DATE生成。</p></div></section></main>';

/** The central directory of a zip: each entry's name, DOS time and date, Unix mode, and extra field lengths. */
function centralDirectory(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      mode: view.getUint32(at + 38, true) >>> 16,
      extra: extraLength + view.getUint16(local + 28, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the bundle timestamp', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tiaowen-epoch-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is SOURCE_DATE_EPOCH when it is set', () => {
    expect(sourceEpoch(ROOT, { SOURCE_DATE_EPOCH: '1700000000' })).toBe(1700000000);
    expect(() => sourceEpoch(ROOT, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('is otherwise the date of the last commit, or a constant outside a git checkout', () => {
    const epoch = sourceEpoch(ROOT, {});
    expect(epoch).toBeGreaterThan(FALLBACK_EPOCH);
    expect(epoch).toBe(sourceEpoch(ROOT, {}));
    expect(sourceEpoch(dir, { GIT_CEILING_DIRECTORIES: dirname(dir) })).toBe(FALLBACK_EPOCH);
  });

  it('shows as a date in UTC, and sizes in decimal units', () => {
    expect(formatDate(EPOCH)).toBe('2025年11月22日');
    expect(formatDate(1767225599)).toBe('2025年12月31日');
    expect(formatSize(851340)).toBe('851 KB');
    expect(formatSize(1706923)).toBe('1.7 MB');
  });
});

describe('the home page variants', () => {
  it('online: keeps the download link, with the size and the date', () => {
    const html = homeVariant(HOME, 'online', { epoch: EPOCH, size: 1706923 });
    expect(html).toContain('href="download/tiaowen-offline.zip"');
    expect(html).toContain('（ZIP 文件，1.7 MB，2025年11月22日生成）');
    expect(html).not.toContain('这是离线版');
  });

  it('offline: says it is the offline copy of that date, without the link or a size', () => {
    const html = homeVariant(HOME, 'offline', { epoch: EPOCH });
    expect(html).toContain('<div data-bundle="offline"><p>这是离线版，2025年11月22日生成。</p></div>');
    expect(html).not.toMatch(/tiaowen-offline\.zip|BUNDLE_|MB|KB/);
  });

  it('fail the build when the page lacks a block, the link or a placeholder', () => {
    expect(() => homeVariant(HOME.replace(/<div data-bundle="offline".*?<\/div>/, ''), 'online', { epoch: EPOCH, size: 1 })).toThrow(/data-bundle/);
    expect(() => homeVariant(HOME.replace('download/tiaowen-offline.zip', 'x.zip'), 'online', { epoch: EPOCH, size: 1 })).toThrow(BUNDLE_PATH);
    expect(() => homeVariant(HOME.replace('BUNDLE_SIZE', ''), 'online', { epoch: EPOCH, size: 1 })).toThrow(/BUNDLE_SIZE/);
  });
});

describe('zipping', () => {
  const files: [string, Uint8Array][] = [
    ['tiaowen/a.html', new TextEncoder().encode('<p>甲</p>'.repeat(50))],
    ['tiaowen/b/c.json', new TextEncoder().encode('[]')],
  ];

  it('gives the same bytes whatever the time zone, with the entries in order, one time, mode 0644 and no extra fields', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const a = zipFiles(files, EPOCH);
      process.env.TZ = 'America/Los_Angeles';
      const b = zipFiles(files, EPOCH);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      expect(process.env.TZ).toBe('America/Los_Angeles');
      // 2025-11-22 02:30:00 as a DOS date and time.
      const dosDate = ((2025 - 1980) << 9) | (11 << 5) | 22;
      const dosTime = (2 << 11) | (30 << 5);
      expect(centralDirectory(a)).toEqual(files.map(([name]) => ({ name, time: dosTime, date: dosDate, mode: 0o100644, extra: 0 })));
      expect(new TextDecoder().decode(unzipSync(a)['tiaowen/a.html'])).toBe('<p>甲</p>'.repeat(50));
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('writing the bundle', () => {
  let site: string;
  beforeEach(async () => {
    site = await mkdtemp(join(tmpdir(), 'tiaowen-bundle-'));
    const put = async (path: string, text: string) => {
      await mkdir(dirname(join(site, path)), { recursive: true });
      await writeFile(join(site, path), text);
    };
    await put('index.html', HOME);
    await put('search/index.html', '<ol id="search-results"></ol>');
    await put('search/offline-index.js', 'self.x={};');
    await put('search/lexicon.bin', 'gz');
    await put('search/words/0.bin', 'gz');
    await put('search/packs/0123456789abcdef.bin', 'gz');
    await put('pagefind/pagefind.js', 'export {}');
    await put('assets/site.css', 'body{}');
  });
  afterEach(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it('zips the site into tiaowen/ with its offline home page, leaves out the online search files, and fills the size into the home page', async () => {
    const { bytes, files } = await writeBundle(site, EPOCH);
    const zip = await readFile(join(site, BUNDLE_PATH));
    expect(zip.length).toBe(bytes);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(['tiaowen/assets/site.css', 'tiaowen/index.html', 'tiaowen/search/index.html', 'tiaowen/search/offline-index.js']);
    expect(files).toBe(4);
    expect(new TextDecoder().decode(entries['tiaowen/index.html'])).toBe(homeVariant(HOME, 'offline', { epoch: EPOCH }));
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe(homeVariant(HOME, 'online', { epoch: EPOCH, size: bytes }));
  });
});
