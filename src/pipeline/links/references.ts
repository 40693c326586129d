/**
 * References: titles in 《》 and document numbers (…〔2014〕22号) in clause texts, resolved to the library's documents.
 *
 * Rules (kept the same everywhere):
 * - Every 《…》 is a title mention, whatever it names (a document, a law, a book or a periodical such
 *   as 《中国工人》): a name alone does not tell them apart. A title nested in another (《…《…》…》 or
 *   《…〈…〉…》) is a mention of its own, after the title that holds it. Titles do not run across paragraphs.
 * - A document number is an issuer abbreviation, a four-digit year in 〔〕, [], （）, 【】…, a number and 号.
 * - A title and the document number printed in brackets right after it (《…》（鲁会〔2014〕79号）, also
 *   《…》精神（…号）) are two mentions of one document: the title records the number (`docNumber`),
 *   and both resolve together.
 * - A mention resolves to a document when its number equals the document's 文号, or its title equals the
 *   document's title, with or without the issuer that opens it. Brackets, digit widths and spaces do
 *   not count. A clause never cites its own document, nor another transcription of it.
 */
import type { ClauseRecord, DocumentRecord, Mention } from '../../model';

/** A mention found in a text, with where it starts and ends there. */
export interface ScannedMention {
  text: string;
  kind: Mention['kind'];
  start: number;
  end: number;
  /** On a title: the document number printed in brackets right after it (the same document). */
  docNumber?: string;
}

const OPEN_TITLE = '《';
const CLOSE_TITLE = '》';
/** Inner title marks, used inside 《》 for a title within a title. */
const OPEN_INNER = '〈';
const CLOSE_INNER = '〉';

/** Every 《…》 title of a text (and 〈…〉 within one), in order of their opening mark. */
function scanTitles(text: string): ScannedMention[] {
  const found: ScannedMention[] = [];
  let open: { mark: string; start: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') open = [];
    else if (ch === OPEN_TITLE || (ch === OPEN_INNER && open.length > 0)) open.push({ mark: ch, start: i });
    else if (ch === CLOSE_TITLE || ch === CLOSE_INNER) {
      const top = open[open.length - 1];
      if (top && top.mark === (ch === CLOSE_TITLE ? OPEN_TITLE : OPEN_INNER)) {
        open.pop();
        found.push({ text: text.slice(top.start, i + 1), kind: 'title', start: top.start, end: i + 1 });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The year and number of a document number: 〔2014〕79号, [2014]79号, （2014）第79号… */
const NUMBER_TAIL = /[〔[［(（【〖]\s*[0-9０-９]{4}\s*[〕\]］)）】〗]\s*第?\s*[0-9０-９]+\s*号/gu;
const HAN = /\p{Script=Han}/u;
/** Words that often stand right before a document number but are not part of its issuer. */
const LEADING_WORDS = new RegExp(
  `^(?:${['根据', '依据', '按照', '参照', '依照', '对照', '转发', '印发', '下发', '贯彻', '落实', '执行', '详见', '参见', '见', '和', '及', '与', '或', '即'].join('|')})+(?=\\p{Script=Han})`,
  'u',
);
const MAX_ISSUER = 8;

/** The issuer abbreviation of a document number: the run of Han characters before its year (from `floor` on), less leading verbs. */
function issuerBefore(text: string, at: number, floor: number): string {
  let start = at;
  while (start > floor && HAN.test(text[start - 1])) start--;
  return text.slice(start, at).replace(LEADING_WORDS, '').slice(-MAX_ISSUER);
}

/** Every document number of a text (鲁会〔2014〕79号), in text order. */
function scanNumbers(text: string): ScannedMention[] {
  const found: ScannedMention[] = [];
  for (const m of text.matchAll(NUMBER_TAIL)) {
    const issuer = issuerBefore(text, m.index, found[found.length - 1]?.end ?? 0);
    if (!issuer) continue;
    const start = m.index - issuer.length;
    found.push({ text: text.slice(start, m.index + m[0].length), kind: 'docNumber', start, end: m.index + m[0].length });
  }
  return found;
}

/** What may stand between a title and the bracket holding its document number: nothing, or a word like 精神. */
const BETWEEN_TITLE_AND_NUMBER = /^\p{Script=Han}{0,4}[（(]$/u;
const AFTER_NUMBER = /^[）)]/;

/** The titles and document numbers of a text, in text order (a title before the titles inside it). */
export function scanMentions(text: string): ScannedMention[] {
  const titles = scanTitles(text);
  const numbers = scanNumbers(text);
  for (const n of numbers) {
    const title = titles.find(
      (t) => t.end <= n.start && BETWEEN_TITLE_AND_NUMBER.test(text.slice(t.end, n.start)) && AFTER_NUMBER.test(text.slice(n.end)),
    );
    if (title) title.docNumber = n.text;
  }
  return [...titles, ...numbers].sort((a, b) => a.start - b.start);
}

/** A document number in one spelling: 〔〕 for the year's brackets, ASCII digits, no spaces, no 第. */
function normalizeDocNumber(number: string): string {
  return number
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〔[(【〖](\d{4})[〕\])】〗]第?/u, '〔$1〕');
}

/** A title in one spelling for comparison: without its outer 《》, 〈〉 as 《》, full-width forms folded, no spaces. */
function normalizeTitle(title: string): string {
  const inner = title.startsWith(OPEN_TITLE) && title.endsWith(CLOSE_TITLE) ? title.slice(1, -1) : title;
  return inner.replaceAll(OPEN_INNER, OPEN_TITLE).replaceAll(CLOSE_INNER, CLOSE_TITLE).normalize('NFKC').replace(/\s+/g, '');
}

/** The titles a document may be cited by: its title, and its title without the issuer that opens it. */
function citableTitles(doc: DocumentRecord): string[] {
  const titles = [doc.title];
  if (doc.issuer && doc.title.startsWith(doc.issuer) && doc.title.length > doc.issuer.length) titles.push(doc.title.slice(doc.issuer.length));
  return titles.map(normalizeTitle);
}

/** A function that names the library document a mention refers to, seen from a clause of document `from`. */
function mentionResolver(documents: DocumentRecord[]) {
  const byKey = new Map<string, DocumentRecord[]>();
  const add = (key: string, doc: DocumentRecord) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(doc)) byKey.set(key, [...list, doc]);
  };
  for (const doc of documents) {
    if (doc.docNumber) add(`docNumber:${normalizeDocNumber(doc.docNumber)}`, doc);
    for (const t of citableTitles(doc)) add(`title:${t}`, doc);
  }
  const docs = new Map(documents.map((d) => [d.id, d]));
  const key = (m: Pick<Mention, 'text' | 'kind'>) =>
    m.kind === 'docNumber' ? `docNumber:${normalizeDocNumber(m.text)}` : `title:${normalizeTitle(m.text)}`;
  return (m: Pick<Mention, 'text' | 'kind'>, from: string): string | undefined => {
    const self = docs.get(from);
    const other = (d: DocumentRecord) => d.id !== from && !(self?.work && d.work === self.work);
    return byKey.get(key(m))?.find(other)?.id;
  };
}

/** Clause id → the mentions in its heading and text, in text order (clauses without any are left out). */
export function findMentions(documents: DocumentRecord[], clauses: ClauseRecord[]): Map<string, Mention[]> {
  const resolve = mentionResolver(documents);
  const out = new Map<string, Mention[]>();
  for (const clause of clauses) {
    const found = [clause.heading ?? '', clause.text].flatMap(scanMentions);
    if (found.length === 0) continue;
    const mentions = found.map((m): Mention => {
      const target = (m.docNumber && resolve({ text: m.docNumber, kind: 'docNumber' }, clause.doc)) || resolve(m, clause.doc);
      return { text: m.text, kind: m.kind, ...(m.docNumber ? { docNumber: m.docNumber } : {}), ...(target ? { target } : {}) };
    });
    // A number printed after its title names the same document, which the title may have resolved.
    const byTitle = new Map(mentions.flatMap((m) => (m.docNumber && m.target ? [[m.docNumber, m.target]] : [])));
    for (const n of mentions) if (n.kind === 'docNumber' && !n.target && byTitle.has(n.text)) n.target = byTitle.get(n.text);
    out.set(clause.id, mentions);
  }
  return out;
}

/** One line of a clause's list of cited documents: a library document, or the text of one the library lacks. */
export type CitedEntry = { target: string } | { text: string; docNumber?: string };

/**
 * A clause's mentions as the list of documents it names, in text order, each once: mentions of one
 * library document are one entry, and a number printed after its title joins that title's entry.
 */
export function citedEntries(mentions: Mention[]): CitedEntry[] {
  const seen = new Set<string>();
  const entries: CitedEntry[] = [];
  for (const m of mentions) {
    if (m.target) {
      if (!seen.has(`doc:${m.target}`)) entries.push({ target: m.target });
      seen.add(`doc:${m.target}`);
      continue;
    }
    const keys = m.kind === 'title' ? [`title:${normalizeTitle(m.text)}`] : [`docNumber:${normalizeDocNumber(m.text)}`];
    if (m.docNumber) keys.push(`docNumber:${normalizeDocNumber(m.docNumber)}`);
    if (!seen.has(keys[0])) entries.push(m.docNumber ? { text: m.text, docNumber: m.docNumber } : { text: m.text });
    for (const k of keys) seen.add(k);
  }
  return entries;
}
