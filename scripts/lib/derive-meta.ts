/**
 * What add-source derives from a parsed text: per document its title, kind, issuer, 文号,
 * date, lead headings and id, each with where it came from, and what it could not derive.
 * Pure functions over the parse tree (furniture roles: header, docNumber, issuerLine, title,
 * date, adoption, signature, annexMarker); scripts/add-source.ts does the files and printing.
 *
 * The id rule (one rule for every document, in this order):
 *  1. a document with a 文号: the pinyin of the 文号's prefix, its year and its number
 *     (鲁会〔2014〕79号 → luhui-2014-79);
 *  2. an annex (附件, no 文号 of its own): the id of the document it is annexed to, plus
 *     "-annex" (附件2 → "-annex2");
 *  3. otherwise: the pinyin of the title's core and the year of its date
 *     (中华人民共和国工会法, 2021 → gonghuifa-2021). The core drops 中华人民共和国, the issuer
 *     with 关于 (最高人民法院关于…), 的, punctuation and a trailing bracketed note; a trailing
 *     （一） becomes the digit 1. A core longer than {@link CORE_MAX} letters keeps its first
 *     syllables and its last word of kind (…jieshi), so ids stay at about 32 characters.
 *  An id already taken falls back to the pinyin of the whole title, then gets -2, -3, ….
 */
import { pinyin } from 'pinyin-pro';
import type { DocumentNode, Furniture } from '../../src/model';
import { isoDate } from '../../src/pipeline/furniture';
import { placeClauses } from '../../src/pipeline/ids';
import { KIND_TABLE, kindOfTitle } from '../../src/pipeline/metadata';
import { documentTitle } from '../../src/pipeline/records';

/** A derived value and where it came from ("the red header, line 1"). */
export interface Derived<T = string> {
  value: T;
  from: string;
}

/** Everything derived about one document. */
export interface DerivedDocument {
  /** 1-based line where the document starts. */
  line: number;
  title?: Derived;
  kind?: Derived;
  issuer?: Derived;
  docNumber?: Derived;
  date?: Derived;
  leadHeadings: Derived<boolean>;
  /** Whether the document opens with an annex marker (附件): its number, '' for a bare 附件. */
  annex?: string;
  clauseCount: number;
}

/** Longest pinyin core of an id, in letters (the year and a numeral come on top). */
export const CORE_MAX = 26;

const roleOf = (doc: DocumentNode, role: string): Furniture[] => doc.furniture.filter((f) => f.role === role);
const squeeze = (s: string) => s.replace(/\s+/gu, '');
const at = (f: Furniture, what: string) => `${what}, line ${f.line}`;

/** The title as the build will show it (issuer line and title lines joined), or none where the text prints none. */
export function deriveTitle(doc: DocumentNode): Derived | undefined {
  const lines = roleOf(doc, 'title');
  if (lines.length === 0) return undefined;
  const { title } = documentTitle(doc, { id: '', kind: '' });
  return { value: title, from: lines.length === 1 ? at(lines[0], 'the title') : `the title, lines ${lines[0].line}–${lines.at(-1)!.line}` };
}

/** The kind named by the title's last word (see KIND_TABLE in src/pipeline/metadata.ts). */
export function deriveKind(title: string | undefined): Derived | undefined {
  const kind = title ? kindOfTitle(title) : null;
  if (!kind) return undefined;
  return { value: kind, from: `the title's last word` };
}

/** A note under a title that records an adoption or a revision (…会议通过, …修正), with its date. */
const ADOPTION = /(通过|修正|修订|修改|批准|公布|发布)/u;
const NOTE_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const NUMERAL = '[〇零一二三四五六七八九十百\\d]+';
/** The body that held the meeting: "上海市第十四届人民代表大会常务委员会第四十一次会议" → 上海市 + 人民代表大会常务委员会. */
const MEETING_WITH_TERM = new RegExp(`^(.*?)第${NUMERAL}届(.+?)第${NUMERAL}次(?:全体)?会议`, 'u');
/** "最高人民法院审判委员会第1825次会议" → 最高人民法院审判委员会. */
const MEETING = new RegExp(`^(.+?)第${NUMERAL}次(?:全体|常务)?会议`, 'u');
/** An order that promulgates a regulation: 中华人民共和国国务院令第619号 → 国务院. */
const ORDER = /^(?:中华人民共和国)?(\S+?)令第\d+号/u;
/** "中国工会第十八次全国代表大会" → 中国工会全国代表大会. */
const CONGRESS = new RegExp(`^(.+?)第${NUMERAL}次((?:全国)?代表大会)`, 'u');

/** The adoption note that dates the text: the last one that adopts or revises it (not one that only puts it in force), else the last. */
export function datingNote(doc: DocumentNode): Furniture | undefined {
  const notes = roleOf(doc, 'adoption').filter((f) => NOTE_DATE.test(f.text.value));
  return notes.findLast((f) => ADOPTION.test(f.text.value)) ?? notes.at(-1);
}

/** The body an adoption note names as holding the meeting (全国人民代表大会常务委员会), or null. */
export function meetingBody(note: string): string | null {
  const rest = note
    .replace(/^[（(\s]+/u, '')
    .replace(NOTE_DATE, '')
    .replace(/^[\s,，]+/u, '');
  const m = MEETING_WITH_TERM.exec(rest);
  if (m) return squeeze(`${m[1]}${m[2]}`);
  const n = MEETING.exec(rest);
  if (n) return squeeze(n[1]);
  const c = CONGRESS.exec(rest);
  if (c) return squeeze(`${c[1]}${c[2]}`);
  const o = ORDER.exec(rest);
  return o ? squeeze(o[1]) : null;
}

/** The ISO date: the date line, else the adoption or revision note that dates the text. */
export function deriveDate(doc: DocumentNode): Derived | undefined {
  const line = roleOf(doc, 'date')[0];
  const fromLine = line && isoDate(line.text.value);
  if (fromLine) return { value: fromLine, from: at(line, 'the date line') };
  const note = datingNote(doc);
  const m = note && NOTE_DATE.exec(note.text.value);
  if (!note || !m) return undefined;
  return { value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`, from: at(note, 'the adoption note') };
}

/** Names that end like an organisation (总工会, 法院, 办公厅, 国务院, 中共中央): a title prefix before 关于 that is an issuer. */
const ORGANISATION = /(?:会|院|部|委|局|厅|办|室|府|署|组|处|中心|中央|司|社|团|联)$/u;

/** The issuer named at the start of a title (最高人民法院关于…), or null. */
export function titleIssuer(title: string): string | null {
  const m = /^([^《》“”"「」]{2,40}?)关于/u.exec(title);
  return m && ORGANISATION.test(m[1].trim()) ? m[1].trim() : null;
}

/** The issuer: red header (…文件), the letter-spaced issuer line, the signature, the title (<issuer>关于…), or the meeting of the adoption note. */
export function deriveIssuer(doc: DocumentNode, title: string | undefined): Derived | undefined {
  const header = roleOf(doc, 'header')[0];
  if (header) {
    const v = squeeze(header.text.value).replace(/文件$/u, '');
    if (v) return { value: v, from: at(header, 'the red header') };
  }
  const issuerLine = roleOf(doc, 'issuerLine')[0];
  if (issuerLine) return { value: squeeze(issuerLine.text.value), from: at(issuerLine, 'the issuer line') };
  const signature = roleOf(doc, 'signature')[0];
  if (signature && squeeze(signature.text.value)) return { value: squeeze(signature.text.value), from: at(signature, 'the signature') };
  const named = title ? titleIssuer(title) : null;
  if (named) return { value: named, from: 'the title (…关于…)' };
  // The latest note that names a body (a note may only date a promulgation or entry into force).
  const dated = datingNote(doc);
  const notes = roleOf(doc, 'adoption').filter((f) => NOTE_DATE.test(f.text.value));
  for (const note of [...(dated ? [dated] : []), ...notes.reverse()]) {
    const body = meetingBody(note.text.value);
    if (body) return { value: body, from: at(note, 'the adoption note') };
  }
  return undefined;
}

/** The 文号 as printed. */
export function deriveDocNumber(doc: DocumentNode): Derived | undefined {
  const f = roleOf(doc, 'docNumber')[0];
  return f ? { value: f.text.value.trim(), from: at(f, 'the 文号') } : undefined;
}

/**
 * Whether the document's numbered clauses open with a lead sentence that is their heading
 * (14. 服务职工群众。按照…): at least 3 numbered clauses (articles 第N条 aside), and half of
 * them start with a sentence of at most 30 characters, without a comma, that more text follows.
 */
export function deriveLeadHeadings(doc: DocumentNode): Derived<boolean> {
  const numbered = placeClauses(doc, 'x')
    .map((p) => p.clause)
    .filter((c) => c.marker && !c.heading && !c.columns && c.system !== 'article' && c.children[0]?.type === 'paragraph');
  const leads = numbered.filter((c) => {
    const first = c.children[0];
    const text = first.type === 'paragraph' ? first.children.map((t) => t.value).join('') : '';
    const end = text.indexOf('。');
    return end > 0 && end <= 30 && end < text.length - 1 && !/[，,；;]/u.test(text.slice(0, end));
  });
  const value = numbered.length >= 3 && leads.length * 2 >= numbered.length;
  return { value, from: `${leads.length} of ${numbered.length} numbered clauses open with a short sentence` };
}

/** Everything that can be derived about one document from its own text. */
export function deriveDocument(doc: DocumentNode): DerivedDocument {
  const title = deriveTitle(doc);
  const out: DerivedDocument = {
    line: doc.line,
    leadHeadings: deriveLeadHeadings(doc),
    clauseCount: placeClauses(doc, 'x').length,
  };
  if (title) out.title = title;
  // An annex whose title names no kind (附录：女职工禁忌从事的劳动范围) is an annex.
  const annex = doc.furniture.find((f) => f.role === 'annexMarker');
  const kind = deriveKind(title?.value) ?? (annex ? { value: '附件', from: `the annex marker, line ${annex.line}` } : undefined);
  if (kind) out.kind = kind;
  const issuer = deriveIssuer(doc, title?.value);
  if (issuer) out.issuer = issuer;
  const docNumber = deriveDocNumber(doc);
  if (docNumber) out.docNumber = docNumber;
  const date = deriveDate(doc);
  if (date) out.date = date;
  const marker = roleOf(doc, 'annexMarker')[0];
  if (marker) out.annex = /(\d+|[０-９]+)/u.exec(marker.text.value)?.[1]?.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10)) ?? '';
  return out;
}

/**
 * An annex has no issuer of its own in the text: it takes its parent's (the document before
 * it that is no annex), and says so.
 */
export function inheritFromParent(docs: DerivedDocument[]): DerivedDocument[] {
  return docs.map((d, i) => {
    if (d.annex === undefined || d.issuer) return d;
    const parent = docs.slice(0, i).findLast((p) => p.annex === undefined);
    if (!parent?.issuer) return d;
    return { ...d, issuer: { value: parent.issuer.value, from: `the document it is annexed to (line ${parent.line})` } };
  });
}

// ─────────────────────────────────────────────────────────────────── ids

/** The syllables of a text in lower-case toneless pinyin (ü as v); ASCII letters and digits kept, the rest dropped. */
export function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/gu, ''))
    .filter(Boolean);
}

const CN_DIGITS = '〇一二三四五六七八九';

/** A small Chinese numeral (一 … 九十九) or digits as a number, or null. */
export function smallNumber(s: string): number | null {
  if (/^\d+$/u.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS.indexOf(m[1]) : null;
  return (m[1] ? CN_DIGITS.indexOf(m[1]) : 1) * 10 + (m[3] ? CN_DIGITS.indexOf(m[3]) : 0);
}

/**
 * A title's core for its id: without a trailing bracketed note (a trailing （一） is returned as
 * a number), 中华人民共和国, the issuer and 关于 (unless `keepPrefixes`), 的 and punctuation.
 */
export function titleCore(title: string, issuer?: string, keepPrefixes = false): { core: string; number: number | null } {
  let core = title.trim();
  let number: number | null = null;
  for (let m; (m = /[（(]([^（()）]*)[）)]\s*$/u.exec(core));) {
    number ??= smallNumber(m[1].trim());
    core = core.slice(0, m.index).trimEnd();
  }
  if (!keepPrefixes) {
    core = core.replace(/^中华人民共和国/u, '');
    const prefix = issuer && core.startsWith(issuer) ? issuer : titleIssuer(core);
    if (prefix && core.startsWith(prefix)) core = core.slice(prefix.length).trimStart();
    core = core.replace(/^关于/u, '');
  }
  core = core.replace(/的/gu, '').replace(/[^\p{L}\p{N}]/gu, '');
  return { core, number };
}

/** The id's pinyin part for a title core: whole syllables, at most CORE_MAX letters, keeping the last word of kind. */
export function corePinyin(core: string, max = CORE_MAX): string {
  const all = syllables(core);
  if (all.join('').length <= max) return all.join('');
  const ending = KIND_TABLE.flatMap(([, endings]) => endings)
    .filter((e) => core.endsWith(e))
    .sort((a, b) => b.length - a.length)[0];
  const tail = ending ? syllables(ending) : [];
  const head = all.slice(0, all.length - tail.length);
  let budget = max - tail.join('').length;
  const kept: string[] = [];
  for (const s of head) {
    if (s.length > budget) break;
    kept.push(s);
    budget -= s.length;
  }
  return [...kept, ...tail].join('');
}

/** The id from a 文号: pinyin of its prefix, year, number (鲁会〔2014〕79号 → luhui-2014-79), or null if it has no such form. */
export function idFromDocNumber(docNumber: string): string | null {
  const m = /^(.+?)\s*[〔[（(【]\s*(\d{4})\s*[〕\]）)】]\s*第?\s*(\d+)\s*号$/u.exec(docNumber.trim());
  if (!m) return null;
  const prefix = syllables(m[1]).join('');
  return prefix ? `${prefix}-${m[2]}-${Number(m[3])}` : null;
}

/** The year of a derived document: from its date, else from its 文号. */
export function yearOf(d: DerivedDocument): string | undefined {
  return d.date?.value.slice(0, 4) ?? /[〔[（(【]\s*(\d{4})/u.exec(d.docNumber?.value ?? '')?.[1];
}

/** The candidate ids of a document, best first, each with the rule it follows (before any -2 suffix). */
export function idCandidates(d: DerivedDocument, parentId?: string): { id: string; from: string }[] {
  const fromNumber = d.docNumber && idFromDocNumber(d.docNumber.value);
  if (fromNumber) return [{ id: fromNumber, from: 'the 文号' }];
  if (d.annex !== undefined && parentId) return [{ id: `${parentId}-annex${d.annex}`, from: 'the document it is annexed to' }];
  if (!d.title) return [];
  const year = yearOf(d);
  const make = (core: string, number: number | null) => {
    const base = corePinyin(core) || 'doc';
    return `${base}${number ?? ''}${year ? `-${year}` : ''}`;
  };
  const short = titleCore(d.title.value, d.issuer?.value);
  const whole = titleCore(d.title.value, undefined, true);
  const from = `the title${year ? ' and the year' : ''}`;
  const out = [{ id: make(short.core, short.number), from }];
  const wholeId = make(whole.core, whole.number);
  if (wholeId !== out[0].id) out.push({ id: wholeId, from: `the whole title${year ? ' and the year' : ''}` });
  return out;
}

/**
 * Ids for the documents of one text, in order: each the first of its candidates that is not
 * taken (by the library or an earlier document of the text), else the first with -2, -3, ….
 * `given` ids (from --id) are used as they are. Returns each id with how it was made.
 */
export function assignIds(
  docs: DerivedDocument[],
  taken: ReadonlySet<string>,
  given: (string | undefined)[] = [],
): ({ id: string; from: string; notice?: string } | null)[] {
  const used = new Set(taken);
  const out: ({ id: string; from: string; notice?: string } | null)[] = [];
  docs.forEach((d, i) => {
    const own = given[i];
    if (own) {
      used.add(own);
      out.push({ id: own, from: '--id' });
      return;
    }
    const parent = d.annex !== undefined ? out.slice(0, i).findLast((_, k) => docs[k].annex === undefined) : undefined;
    const candidates = idCandidates(d, parent?.id);
    if (candidates.length === 0) {
      out.push(null);
      return;
    }
    const free = candidates.find((c) => !used.has(c.id));
    let chosen: { id: string; from: string; notice?: string };
    if (free) chosen = free === candidates[0] ? free : { ...free, notice: `${candidates[0].id} is taken; using the whole title` };
    else {
      let n = 2;
      while (used.has(`${candidates[0].id}-${n}`)) n++;
      chosen = { id: `${candidates[0].id}-${n}`, from: candidates[0].from, notice: `${candidates[0].id} is taken; added -${n}` };
    }
    used.add(chosen.id);
    out.push(chosen);
  });
  return out;
}
