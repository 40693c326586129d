#!/usr/bin/env -S npx tsx
/**
 * Add a text to the library: copy it unchanged into seeds/ and write its metadata into
 * content/sources/, derived from the text itself, so that `npm run build` takes it as it is.
 *
 * Usage: npm run add-source -- FILE [options]
 *   --id ID          the id of a document (repeat for the next documents, in reading order; "" keeps the derived one)
 *   --title TITLE    the title of a document that prints none (repeat as for --id)
 *   --kind KIND      the kind of a document whose title does not name one (repeat as for --id)
 *   --origin TEXT    where the text was taken from (a publisher, web address, or repository path and commit)
 *   --dry-run        print what would be written, and write nothing
 *   --seeds DIR      the seed folder (default seeds)
 *   --meta DIR       the metadata folder (default content/sources)
 *
 * FILE may be UTF-8 (with or without BOM), GB18030 or UTF-16 with a byte-order mark, with LF
 * or CRLF line endings (see src/pipeline/decode.ts). It is copied byte for byte to
 * seeds/NNN_<hash>.txt, NNN the next free three-digit index (so it comes after the texts
 * already there in reading order) and <hash> the first 16 hex digits of the SHA-256 of its
 * bytes; its metadata goes to content/sources/NNN_<hash>.json.
 *
 * What it derives per document (scripts/lib/derive-meta.ts, from the parser's furniture):
 * title, kind (from the title's last word), issuer (red header, issuer line, signature,
 * "<issuer>关于…" in the title, or the meeting of the adoption note), 文号, date (the date
 * line, or the last adoption or revision note), whether clauses open with lead headings, and
 * the id. Ids: from the 文号 where there is one (鲁会〔2014〕79号 → luhui-2014-79); an annex
 * takes its parent's id plus -annex; otherwise the pinyin of the title's core and the year
 * (中华人民共和国工会法, 2021 → gonghuifa-2021); an id already taken gets the whole title's
 * pinyin or a -2 suffix, with a notice. The full rule is in derive-meta.ts.
 *
 * It refuses (exit status 1, nothing written, a message naming FILE): a file it cannot read or
 * decode; the same bytes as a seed already in the library; a document whose id, title or kind
 * it cannot derive and no option gives. A text whose wording matches a document already in
 * the library gets a warning: the build will treat the two as versions (transcriptions) of one
 * text (src/pipeline/links/versions.ts), and the new one gets a `version` label (转录本乙, …).
 * Wrong usage exits with status 2.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ClauseRecord, DocumentMeta, DocumentNode, DocumentRecord, SourceMeta } from '../src/model';
import { SourceError, decodeSource, firstInvalidUtf8, utf16ByteOrder } from '../src/pipeline/decode';
import { compareVersions, VERSION_SIMILARITY } from '../src/pipeline/links/versions';
import { listSeeds, parseSeed } from '../src/pipeline/load';
import { KINDS, checkSourceMeta } from '../src/pipeline/metadata';
import { parseSource } from '../src/pipeline/parse';
import { clauseRecords } from '../src/pipeline/records';
import { type DerivedDocument, assignIds, deriveDocument, deriveKind, inheritFromParent } from './lib/derive-meta';

const USAGE = 'usage: npm run add-source -- FILE [--id ID]… [--title TITLE]… [--kind KIND]… [--origin TEXT] [--dry-run] [--seeds DIR] [--meta DIR]';

/** Labels of transcriptions, in order (转录本甲, 转录本乙, …). */
const VERSION_LABELS = [...'甲乙丙丁戊己庚辛壬癸'].map((c) => `转录本${c}`);

/** A failure that names the file and ends the run with an exit status. */
class Refusal extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

/** What a run prints: lines for the user on stdout, warnings and errors on stderr. */
export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The name of the seed for these bytes: NNN_<first 16 hex of SHA-256>.txt, NNN the next free index. */
export function seedName(bytes: Uint8Array, existing: string[]): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const used = existing
    .map((f) => /^(\d{3,})_/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  const next = used.length ? Math.max(...used) + 1 : 0;
  return `${String(next).padStart(3, '0')}_${hash}.txt`;
}

/** How the bytes are encoded and how their lines end, in words ("UTF-16LE with BOM, CRLF"). */
export function describeBytes(bytes: Uint8Array): string {
  const utf16 = utf16ByteOrder(bytes);
  let encoding: string;
  let text: string;
  if (utf16) {
    encoding = `${utf16.toUpperCase()} with BOM`;
    text = new TextDecoder(utf16).decode(bytes);
  } else {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const utf8 = firstInvalidUtf8(bytes.subarray(bom ? 3 : 0)) < 0;
    encoding = utf8 ? (bom ? 'UTF-8 with BOM' : 'UTF-8') : 'GB18030';
    text = Buffer.from(bytes).toString('latin1');
  }
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const endings = [crlf && 'CRLF', lf && 'LF', cr && 'CR'].filter(Boolean).join(' and ') || 'one line';
  return `${encoding}, ${endings} line endings`;
}

/** The ids of every document described in a metadata folder, and the files that hold them. */
function libraryIds(metaDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  if (!existsSync(metaDir)) return ids;
  for (const f of readdirSync(metaDir).filter((n) => n.endsWith('.json'))) {
    try {
      const meta = JSON.parse(readFileSync(path.join(metaDir, f), 'utf8')) as SourceMeta;
      for (const d of meta.documents ?? []) if (typeof d.id === 'string') ids.set(d.id, f);
    } catch {
      // An unreadable metadata file is the build's to report.
    }
  }
  return ids;
}

/** A library document as the version check needs it: its record (id only), its clauses and metadata. */
interface LibraryDocument {
  record: DocumentRecord;
  meta: DocumentMeta;
  metaFile: string;
  index: number;
  clauses: ClauseRecord[];
}

/** Parse every seed of the library (those that fail to load are skipped with a notice). */
function libraryDocuments(seedsDir: string, metaDir: string, io: Output): LibraryDocument[] {
  const out: LibraryDocument[] = [];
  for (const file of listSeeds(seedsDir)) {
    try {
      const { tree, meta } = parseSeed(seedsDir, metaDir, file);
      tree.children.forEach((doc, i) => {
        const m = meta.documents[i];
        out.push({
          record: { id: m.id } as DocumentRecord,
          meta: m,
          index: i,
          metaFile: path.join(metaDir, file.replace(/\.txt$/, '.json')),
          clauses: clauseRecords(doc, m.id, file),
        });
      });
    } catch (e) {
      io.err(`notice: ${file} could not be loaded to compare wording with (${(e as Error).message.split('\n')[0]})`);
    }
  }
  return out;
}

/** A transcription label for a new version of `matched`: the first not used by the documents of that work. */
function nextVersionLabel(used: (string | undefined)[]): string {
  return VERSION_LABELS.find((l, i) => i > 0 && !used.includes(l)) ?? `转录本${used.length + 1}`;
}

/** A document's transcription label (转录本甲), if its metadata gives one. */
const versionLabel = (meta: DocumentMeta): string | undefined => (typeof meta.version === 'string' ? meta.version : undefined);

/** Ordered metadata of one document, in the key order of the files already in content/sources. */
function documentMeta(
  d: DerivedDocument,
  id: string,
  extra: { title?: string; kind: string; version?: string; origin?: string; annexOf?: string },
): DocumentMeta {
  const meta: DocumentMeta = { id, kind: extra.kind };
  if (extra.annexOf) meta.annexOf = extra.annexOf;
  if (extra.title) meta.title = extra.title;
  if (extra.version) meta.version = extra.version;
  if (d.issuer) meta.issuer = d.issuer.value;
  if (d.date) meta.date = d.date.value;
  if (d.docNumber) meta.docNumber = d.docNumber.value;
  meta.leadHeadings = d.leadHeadings.value;
  if (extra.origin) meta.origin = extra.origin;
  return meta;
}

const rel = (p: string) => path.relative(process.cwd(), p) || '.';
const firstLine = (text: string, doc: DocumentNode) => {
  const line = text.split('\n')[doc.line - 1]?.trim() ?? '';
  return [...line].length > 30 ? `${[...line].slice(0, 30).join('')}…` : line;
};

/** Run the command on its arguments; returns the exit status. */
export function addSource(argv: string[], io: Output): number {
  let file = '';
  try {
    let args;
    try {
      args = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          id: { type: 'string', multiple: true },
          title: { type: 'string', multiple: true },
          kind: { type: 'string', multiple: true },
          origin: { type: 'string' },
          'dry-run': { type: 'boolean' },
          seeds: { type: 'string' },
          meta: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (e) {
      throw new Refusal(`add-source: ${(e as Error).message}\n${USAGE}`, 2);
    }
    const { values, positionals } = args;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new Refusal(`add-source: expected one FILE, got ${positionals.length}\n${USAGE}`, 2);
    file = positionals[0];
    const seedsDir = path.resolve(values.seeds ?? 'seeds');
    const metaDir = path.resolve(values.meta ?? 'content/sources');
    const dryRun = values['dry-run'] ?? false;
    const fail = (message: string) => new Refusal(`${file}: ${message}`);

    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (e) {
      throw fail(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const text = decodeSource(bytes, file);

    // The same bytes already in the library?
    const seeds = existsSync(seedsDir) ? listSeeds(seedsDir) : [];
    const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const own = digest(bytes);
    const same = seeds.find((s) => digest(readFileSync(path.join(seedsDir, s))) === own);
    if (same) throw fail(`refused: the same bytes are already in the library as ${rel(path.join(seedsDir, same))}`);

    const metaNames = existsSync(metaDir) ? readdirSync(metaDir).filter((f) => f.endsWith('.json')) : [];
    const seed = seedName(bytes, [...seeds, ...metaNames]);
    const { tree, diagnostics } = parseSource(path.join(path.basename(seedsDir), seed), text);
    const docs = inheritFromParent(tree.children.map(deriveDocument));
    const given = (list: string[] | undefined, i: number) => (list?.[i] ? list[i] : undefined);
    for (const [option, list] of [
      ['--id', values.id],
      ['--title', values.title],
      ['--kind', values.kind],
    ] as const)
      if ((list?.length ?? 0) > docs.length)
        throw fail(`${option} is given ${list!.length} times, but the text has ${docs.length} document${docs.length === 1 ? '' : 's'}`);
    for (const [i, kind] of (values.kind ?? []).entries())
      if (kind && !KINDS.includes(kind)) throw fail(`--kind ${JSON.stringify(kind)} (document ${i + 1}): expected one of ${KINDS.join(' ')}`);
    for (const [i, id] of (values.id ?? []).entries())
      if (id && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
        throw fail(`--id ${JSON.stringify(id)} (document ${i + 1}): expected lower-case ASCII letters and digits in runs joined by "-"`);

    const warnings: string[] = [];
    const notices: string[] = [];
    // Titles given for documents that print none; the kind and the id follow from them.
    const withTitles = docs.map((d, i): DerivedDocument => {
      const title = given(values.title, i);
      if (title && d.title) notices.push(`document ${i + 1} prints its title; --title ${JSON.stringify(title)} is not used`);
      if (!title || d.title) return d;
      const kind = deriveKind(title);
      return { ...d, title: { value: title, from: '--title: supplied by the library' }, ...(kind && !d.kind ? { kind } : {}) };
    });
    const taken = libraryIds(metaDir);
    for (const [i, id] of (values.id ?? []).entries())
      if (id && taken.has(id)) throw fail(`--id ${id} (document ${i + 1}) is already the id of a document in ${rel(path.join(metaDir, taken.get(id)!))}`);
    const ids = assignIds(
      withTitles,
      new Set(taken.keys()),
      (values.id ?? []).map((v) => v || undefined),
    );

    // What cannot be derived and is not given.
    const problems: string[] = [];
    withTitles.forEach((d, i) => {
      const where = `document ${i + 1} (line ${d.line}: ${firstLine(text, tree.children[i])})`;
      const kind = given(values.kind, i) ?? d.kind?.value;
      if (!d.title) problems.push(`${where}: the text prints no title; give one with --title (it is shown as supplied by the library)`);
      if (!ids[i]) problems.push(`${where}: no id can be derived without a title or 文号; give one with --id`);
      if (d.title && !kind)
        problems.push(`${where}: no kind can be derived from the title ${JSON.stringify(d.title.value)}; give one with --kind (one of ${KINDS.join(' ')})`);
    });
    if (problems.length) {
      const flags = docs.length > 1 ? ` (repeat an option once per document, in order; "" keeps what is derived)` : '';
      throw fail(`cannot derive everything the build needs, nothing written:\n  ${problems.join('\n  ')}${flags}`);
    }

    // Wording already in the library: the build will take the documents as versions of one text.
    const library = libraryDocuments(seedsDir, metaDir, io);
    const newClauses = tree.children.map((doc, i) => clauseRecords(doc, ids[i]!.id, seed));
    const comparisons = compareVersions(
      [...library.map((l) => l.record), ...ids.map((x) => ({ id: x!.id }) as DocumentRecord)],
      [...library.flatMap((l) => l.clauses), ...newClauses.flat()],
    );
    const newIds = new Set(ids.map((x) => x!.id));
    const versionOf = new Map<string, { matched: LibraryDocument; similarity: number }[]>();
    for (const c of comparisons) {
      const [mine, theirs] = newIds.has(c.b) && !newIds.has(c.a) ? [c.b, c.a] : newIds.has(c.a) && !newIds.has(c.b) ? [c.a, c.b] : [null, null];
      if (!mine) continue;
      const matched = library.find((l) => l.meta.id === theirs)!;
      versionOf.set(mine, [...(versionOf.get(mine) ?? []), { matched, similarity: c.similarity }]);
    }

    const metas = withTitles.map((d, i) => {
      const id = ids[i]!;
      if (id.notice) notices.push(`document ${i + 1}: ${id.notice}`);
      const matches = versionOf.get(id.id) ?? [];
      let version: string | undefined;
      if (matches.length) {
        const labels = matches.map((m) => versionLabel(m.matched.meta));
        version = nextVersionLabel(labels);
        for (const m of matches) {
          const where = `${rel(m.matched.metaFile)} documents[${m.matched.index}]`;
          warnings.push(
            `document ${i + 1} (${id.id}) has ${m.similarity === 1 ? 'the same' : 'nearly the same'} wording as ${m.matched.meta.id} ` +
              `(${where}; ${Math.round(m.similarity * 1000) / 10}% of their wording pairs up, the build's threshold is ${VERSION_SIMILARITY * 100}%): ` +
              `the build will treat the two as versions (transcriptions) of one text, and label this one "${version}"` +
              (versionLabel(m.matched.meta) ? '' : `; give ${m.matched.meta.id} a label too ("version": "转录本甲" in ${where})`),
          );
        }
      }
      const title = !tree.children[i].furniture.some((f) => f.role === 'title') ? d.title!.value : undefined;
      // An annex is cited by its parent's 文号 (（鲁会〔2014〕79号附件）): the document before it that is no annex.
      const parent = d.annex !== undefined ? withTitles.slice(0, i).findLastIndex((p) => p.annex === undefined) : -1;
      const annexOf = parent >= 0 ? ids[parent]!.id : undefined;
      return documentMeta(d, id.id, { title, kind: given(values.kind, i) ?? d.kind!.value, version, origin: values.origin, annexOf });
    });
    const meta: SourceMeta = { source: seed, documents: metas };
    const checked = checkSourceMeta(meta);
    if ('problems' in checked) throw fail(`the derived metadata does not pass the schema: ${checked.problems.join('; ')}`);

    // Report.
    io.out(`${file}: ${bytes.length.toLocaleString('en')} bytes, ${describeBytes(bytes)}; ${docs.length} document${docs.length === 1 ? '' : 's'}`);
    withTitles.forEach((d, i) => {
      const m = metas[i];
      const kindFrom = given(values.kind, i) ? '--kind' : (d.kind?.from ?? '');
      const row = (key: string, value: string | undefined, from: string | undefined) =>
        io.out(`  ${key.padEnd(13)}${value === undefined ? '—' : value}${from ? `   (${from})` : ''}`);
      io.out(`document ${i + 1} (line ${d.line})`);
      row('id', m.id, ids[i]!.from);
      row('title', d.title?.value, d.title?.from);
      row('kind', m.kind, kindFrom);
      row('issuer', d.issuer?.value, d.issuer ? d.issuer.from : 'not found: no red header, issuer line, signature, "…关于" title or adoption note');
      row('docNumber', d.docNumber?.value, d.docNumber ? d.docNumber.from : 'not found: no 文号 printed');
      row('date', d.date?.value, d.date ? d.date.from : 'not found: no date line or adoption note');
      row('leadHeadings', String(d.leadHeadings.value), d.leadHeadings.from);
      if (typeof m.version === 'string') row('version', m.version, 'the wording matches a document in the library');
      row('clauses', String(d.clauseCount), 'from a quick parse');
    });
    for (const w of diagnostics) notices.push(`parser: ${w.file}:${w.line}: ${w.message}`);
    for (const n of notices) io.out(`notice: ${n}`);
    for (const w of warnings) io.err(`warning: ${w}`);

    const seedPath = path.join(seedsDir, seed);
    const metaPath = path.join(metaDir, seed.replace(/\.txt$/, '.json'));
    const json = `${JSON.stringify(meta, null, 2)}\n`;
    if (dryRun) {
      io.out(`dry run: would copy ${file} unchanged to ${rel(seedPath)} and write ${rel(metaPath)}:`);
      io.out(json.trimEnd());
      return 0;
    }
    mkdirSync(seedsDir, { recursive: true });
    mkdirSync(metaDir, { recursive: true });
    writeFileSync(seedPath, bytes, { flag: 'wx' });
    try {
      writeFileSync(metaPath, json, { flag: 'wx' });
    } catch (e) {
      rmSync(seedPath);
      throw fail(`cannot write ${rel(metaPath)} (${(e as Error).message}); nothing written`);
    }
    io.out(`wrote ${rel(seedPath)} (a byte-for-byte copy of ${file})`);
    io.out(`wrote ${rel(metaPath)}`);
    io.out('Check the JSON: the id (it becomes the address of every page of the document), the kind, the issuer and the date; then run `npm run build`.');
    return 0;
  } catch (e) {
    if (e instanceof Refusal) {
      io.err(e.message);
      return e.status;
    }
    if (e instanceof SourceError) {
      io.err(e.message);
      return 1;
    }
    io.err(`${file || 'add-source'}: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = addSource(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
}
