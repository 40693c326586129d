// @ts-check
/**
 * The offline bundle: one zip of the whole built site, written into the site itself
 * (download/tiaowen-offline.zip) and linked from the home page with its size and date.
 *
 * - The zip unpacks into one folder, tiaowen/, with index.html at its top. Opened from disk
 *   (file://) every page works; the search page searches the offline index
 *   (search/offline-index.js) since Pagefind cannot load there. So the zip holds the whole
 *   site except the online search's own files (pagefind/ and search/'s lexicon.bin,
 *   words/ and packs/: nearly half the zip, and of no use from disk; served over
 *   http, the copy falls back to the offline index) and the zip itself.
 * - The home page has two variants of its download block, both in src/pages/index.astro
 *   between markers: `data-bundle="online"` (the download link, with the placeholders
 *   BUNDLE_SIZE and BUNDLE_DATE) and `data-bundle="offline"` (what the copy in the zip says
 *   instead, with BUNDLE_DATE). The zip's copy keeps the offline block, so it neither links to
 *   the zip nor states its size; the size is known only once the zip is made, and is then
 *   filled into the online home page, which is not in the zip. Building fails if a marker or
 *   placeholder is missing, so the page and this module cannot drift apart.
 * - Deterministic: entries in sorted path order, one timestamp for all (SOURCE_DATE_EPOCH if
 *   set, else the date of the last git commit, else a constant), permissions 0644, no extra
 *   fields, the same compression level. The home page's date is that same timestamp.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { unzipSync, Zip, ZipDeflate } from 'fflate';
import { SEARCH_PAGE, withoutPreloads } from './pagefind.mjs';

/** Where the zip is written, relative to the site root. */
export const BUNDLE_PATH = 'download/tiaowen-offline.zip';
/** What the zip leaves out: itself, and the files only the online search uses. */
const BUNDLE_EXCLUDES = [BUNDLE_PATH, 'pagefind/', 'search/lexicon.bin', 'search/words/', 'search/packs/'];
/** The folder the zip unpacks into. */
export const BUNDLE_FOLDER = 'tiaowen';
/** The timestamp when there is neither SOURCE_DATE_EPOCH nor a git commit: 2024-01-01 UTC. */
export const FALLBACK_EPOCH = 1704067200;
/** The earliest time a zip entry can carry (1980-01-01 UTC, the start of DOS time). */
const DOS_EPOCH = 315532800;
/** Placeholders the home page carries for the bundle's size and date. */
const SIZE_PLACEHOLDER = 'BUNDLE_SIZE';
const DATE_PLACEHOLDER = 'BUNDLE_DATE';

/**
 * The bundle's timestamp in seconds: SOURCE_DATE_EPOCH if set, else the committer date of
 * the last commit of the repository at `root`, else FALLBACK_EPOCH.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {number}
 */
export function sourceEpoch(root, env = process.env) {
  const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
  if (fromEnv) {
    if (!/^\d+$/.test(fromEnv)) throw new Error(`SOURCE_DATE_EPOCH must be a number of seconds, not "${fromEnv}"`);
    return Number(fromEnv);
  }
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d+$/.test(out)) return Number(out);
  } catch {
    // not a git checkout, or no git: the constant
  }
  return FALLBACK_EPOCH;
}

/**
 * A size as the home page shows it: "860 KB", "1.2 MB" (decimal units).
 * @param {number} bytes
 * @returns {string}
 */
export function formatSize(bytes) {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * A timestamp as the home page shows it, in UTC: "2025年11月22日".
 * @param {number} epoch seconds
 * @returns {string}
 */
export function formatDate(epoch) {
  const d = new Date(epoch * 1000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/**
 * Keep one variant of the home page's download block and drop the other; fill in the date
 * and, in the online variant, the size. Throws if the page lacks a block or a placeholder.
 * @param {string} html the built home page
 * @param {'online' | 'offline'} keep
 * @param {{ epoch: number, size?: number }} values
 * @returns {string}
 */
export function homeVariant(html, keep, { epoch, size }) {
  const drop = keep === 'online' ? 'offline' : 'online';
  const block = (/** @type {string} */ name) => new RegExp(`<div data-bundle="${name}"[^>]*>[\\s\\S]*?</div>`, 'g');
  const count = (/** @type {string} */ name) => html.match(block(name))?.length ?? 0;
  if (count('online') !== 1 || count('offline') !== 1) {
    throw new Error('the home page needs exactly one <div data-bundle="online"> and one <div data-bundle="offline"> (src/pages/index.astro)');
  }
  if (keep === 'online' && !html.match(block('online'))?.[0].includes(`href="${BUNDLE_PATH}"`)) {
    throw new Error(`the online download block of the home page must link to ${BUNDLE_PATH} (src/pages/index.astro)`);
  }
  let out = html.replace(block(drop), '').replace(block(keep), (kept) => kept.replace(/^(<div data-bundle="\w+")[^>]*>/, '$1>'));
  for (const [name, value] of [[DATE_PLACEHOLDER, formatDate(epoch)], ...(keep === 'online' ? [[SIZE_PLACEHOLDER, formatSize(size ?? 0)]] : [])]) {
    if (!out.includes(name)) throw new Error(`the ${keep} download block of the home page lacks ${name} (src/pages/index.astro)`);
    out = out.split(name).join(value);
  }
  return out;
}

/**
 * Every file under `dir`, as sorted '/'-separated paths relative to it.
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function listFiles(dir) {
  /** @type {(d: string) => Promise<string[]>} */
  const walk = async (d) => {
    /** @type {string[]} */
    const out = [];
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) out.push(...(await walk(join(d, e.name))));
      else if (e.isFile()) out.push(join(d, e.name));
    }
    return out;
  };
  return (await walk(dir)).map((p) => relative(dir, p).split(sep).join('/')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Zip entries deterministically, one at a time, handing the zip's bytes to `write` as they
 * are made (so memory holds one file, not the site): the given order, one timestamp, Unix
 * permissions 0644, no extra fields, deflate level 9.
 * @param {Iterable<[string, () => Uint8Array]>} entries path in the zip, and what reads its contents
 * @param {number} epoch seconds
 * @param {(chunk: Uint8Array) => void} write
 * @returns {number} the zip's size in bytes
 */
export function zipEach(entries, epoch, write) {
  const mtime = new Date(Math.max(epoch, DOS_EPOCH) * 1000);
  let size = 0;
  /** @type {Error | null} */
  let failed = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else {
      size += chunk.length;
      write(chunk);
    }
  });
  // fflate writes the DOS time of an entry in the local time zone: zip in UTC, so the bytes
  // do not depend on the time zone of the machine that builds.
  const tz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    for (const [path, read] of entries) {
      const entry = new ZipDeflate(path, { level: 9 });
      Object.assign(entry, { mtime, os: 3, attrs: 0o100644 << 16 });
      zip.add(entry);
      entry.push(read(), true);
      if (failed) throw failed;
    }
    zip.end();
    if (failed) throw failed;
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
  return size;
}

/**
 * Zip files held in memory (see zipEach).
 * @param {[string, Uint8Array][]} files path in the zip and contents
 * @param {number} epoch seconds
 * @returns {Uint8Array}
 */
export function zipFiles(files, epoch) {
  /** @type {Uint8Array[]} */
  const chunks = [];
  const size = zipEach(
    files.map(([path, data]) => [path, () => data]),
    epoch,
    (c) => chunks.push(c),
  );
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Write the bundle of the built site in `siteDir`, then fill its size into the home page.
 * @param {string} siteDir
 * @param {number} epoch seconds
 * @returns {Promise<{ bytes: number, files: number }>}
 */
export async function writeBundle(siteDir, epoch) {
  const paths = (await listFiles(siteDir)).filter((p) => !BUNDLE_EXCLUDES.some((x) => (x.endsWith('/') ? p.startsWith(x) : p === x)));
  const home = await readFile(join(siteDir, 'index.html'), 'utf8');
  await mkdir(join(siteDir, BUNDLE_PATH, '..'), { recursive: true });
  // File by file, straight to disk: a large site is more than memory should hold at once.
  const fd = openSync(join(siteDir, BUNDLE_PATH), 'w');
  let bytes;
  try {
    bytes = zipEach(
      paths.map((p) => [
        `${BUNDLE_FOLDER}/${p}`,
        () => {
          if (p === 'index.html') return new TextEncoder().encode(homeVariant(home, 'offline', { epoch }));
          // The copy has no pagefind/: its search page must not ask for it.
          if (p === SEARCH_PAGE) return new TextEncoder().encode(withoutPreloads(readFileSync(join(siteDir, p), 'utf8')));
          return readFileSync(join(siteDir, p));
        },
      ]),
      epoch,
      (chunk) => writeSync(fd, chunk),
    );
  } finally {
    closeSync(fd);
  }
  await writeFile(join(siteDir, 'index.html'), homeVariant(home, 'online', { epoch, size: bytes }));
  return { bytes, files: paths.length };
}

/**
 * Unpack a bundle into `dir` (for the tests and the benchmark); resolves with the path of
 * the site in it (`<dir>/tiaowen`).
 * @param {string} zipFile
 * @param {string} dir
 * @returns {Promise<string>}
 */
export async function unzipBundle(zipFile, dir) {
  const entries = unzipSync(await readFile(zipFile));
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const target = join(dir, ...name.split('/'));
    if (relative(dir, target).startsWith('..')) throw new Error(`${zipFile}: ${name} lies outside the folder`);
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, data);
  }
  return join(dir, BUNDLE_FOLDER);
}
