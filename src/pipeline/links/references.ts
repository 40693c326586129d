/**
 * References: titles in 《》, document numbers (…〔2014〕22号) and article references (第十八条) in
 * clause texts, resolved to the library's documents and articles.
 *
 * Rules (kept the same everywhere):
 * - Every 《…》 is a title mention, whatever it names (a document, a law, a book or a periodical such
 *   as 《中国工人》): a name alone does not tell them apart. A title nested in another (《…《…》…》 or
 *   《…〈…〉…》) is a mention of its own, after the title that holds it. Titles do not run across paragraphs.
 * - A document number is an issuer abbreviation, a four-digit year in 〔〕, [], （）, 【】…, a number and 号.
 *   The issuer is the run of at most six Han characters before the year that holds no word an issuer
 *   abbreviation never holds (的, 和, 根据, 印发, 意见, 通知, 工作 …): 若干意见国发〔2018〕39号 has issuer 国发.
 * - A title and the document number printed in brackets right after it (《…》（鲁会〔2014〕79号）, also
 *   《…》精神（…号）) are two mentions of one document: the title records the number (`docNumber`),
 *   and both resolve together.
 * - A mention resolves to a document when its number equals the document's 文号, or its title equals the
 *   document's title, with or without the issuer that opens it, or without 中华人民共和国 (《工会法》 names
 *   《中华人民共和国工会法》). Brackets, digit widths and spaces do not count.
 * - A clause never cites its own document, nor another transcription of it: a title or number naming
 *   it stays in the list of mentions (every 《 and 文号 is one), marked `self`, without a target, so it
 *   is neither linked nor listed as missing from the library.
 * - An article reference is 第N条 (N in Chinese numerals up to 千, or digits; also 第N条之一), with the
 *   款 (第M款) and 项 (第K项) it names. It names a law when printed right after one of:
 *   a title (《中华人民共和国工会法》第十八条, 《工会法》第十八条), the bare title of a library document
 *   or that title without 中华人民共和国 (工会法第十八条; no other bare name is guessed), 本法 / 本条例 /
 *   本章程 / 本办法 / 本规定 … (the clause's own document), or a list separator (、 和 及 以及 或者 或 与 至)
 *   after another article reference, whose law it shares (本法第三条、第十二条). A 第N条 with nothing
 *   naming a law before it, in a clause that is itself an article (第N条), names the clause's own
 *   document (依照第十二条规定); anywhere else, and after any other word (劳动合同法第十四条), it names
 *   nothing the library can tell. References within a title are not references.
 * - Relative references (本条, 本款, 前款, 前条, 上一条) are never resolved: they stay plain text.
 * - An article reference that names a law of the library is one mention, its text running from the
 *   law's name (the title, 本法, or the bare name) to the end of the reference; a title it starts with
 *   is part of it, not a mention of its own. Its target is the article's clause, with the anchor of
 *   the 款 or 项 named (第二款 → p2, 第一项 or 第（一）项 → p1-1) where that exists on the clause's page.
 *   When the library holds the law but not the article, the target is the law's document (the reader
 *   still reaches the law); so it is when the citing document is dated before the law's text in the
 *   library, or either date is unknown, since articles are renumbered between versions. A reference
 *   to the clause's own document names an article of it or nothing: no mention is made where the
 *   article is missing, or where it is the clause itself.
 */
import type { ClauseRecord, DocumentRecord, Mention } from '../../model';
import { parseChineseNumeral } from '../numerals';

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
/**
 * Words no issuer abbreviation holds (an issuer is 国发, 国办发, 总工发, 人社部发, 法释, 鲁会, 临会办 …):
 * verbs and particles that stand before a number, and the words that end the title of a document
 * printed right before it. An issuer starts right after the last of them.
 */
const NOT_IN_ISSUER = [
  '根据',
  '依据',
  '按照',
  '参照',
  '依照',
  '对照',
  '转发',
  '印发',
  '下发',
  '贯彻',
  '落实',
  '执行',
  '详见',
  '参见',
  '意见',
  '通知',
  '决定',
  '规定',
  '办法',
  '细则',
  '方案',
  '规划',
  '计划',
  '要点',
  '精神',
  '要求',
  '文件',
  '条例',
  '报告',
  '批复',
  '纪要',
  '公告',
  '通告',
  '通报',
  '决议',
  '章程',
  '制度',
  '措施',
  '解释',
  '工作',
  '若干',
  '问题',
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '即',
  '在',
  '于',
  '对',
  '将',
  '把',
  '从',
  '是',
  '为',
  '以',
  '并',
  '其',
  '等',
  '见',
  '知',
];
const MAX_ISSUER = 6;

/** The issuer abbreviation of a document number: the Han characters before its year (from `floor` on) up to a word no issuer holds, at most six. */
function issuerBefore(text: string, at: number, floor: number): string {
  let start = at;
  const stopsAt = (i: number) => NOT_IN_ISSUER.some((w) => i - w.length >= floor && text.startsWith(w, i - w.length));
  while (start > floor && at - start < MAX_ISSUER && HAN.test(text[start - 1]) && !stopsAt(start)) start--;
  return text.slice(start, at);
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
    const title = titles.find((t) => t.end <= n.start && BETWEEN_TITLE_AND_NUMBER.test(text.slice(t.end, n.start)) && AFTER_NUMBER.test(text.slice(n.end)));
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

/** A title in one spelling for comparison: without its outer 《》 (or 〈〉), 〈〉 as 《》, full-width forms folded, no spaces. */
function normalizeTitle(title: string): string {
  const outer = (title.startsWith(OPEN_TITLE) && title.endsWith(CLOSE_TITLE)) || (title.startsWith(OPEN_INNER) && title.endsWith(CLOSE_INNER));
  const inner = outer ? title.slice(1, -1) : title;
  return inner.replaceAll(OPEN_INNER, OPEN_TITLE).replaceAll(CLOSE_INNER, CLOSE_TITLE).normalize('NFKC').replace(/\s+/g, '');
}

const PRC = '中华人民共和国';

/** The names a document may be cited by: its title, without the issuer that opens it, and without 中华人民共和国. */
function citableNames(doc: DocumentRecord): string[] {
  const names = [doc.title];
  for (const prefix of [doc.issuer, PRC])
    if (prefix && doc.title.startsWith(prefix) && doc.title.length > prefix.length) names.push(doc.title.slice(prefix.length));
  return names;
}

/** How a mention resolves, seen from a clause: to another document, to the clause's own document, or to nothing. */
type Resolution = { target: string } | { self: true } | Record<string, never>;

/** A function that tells which library document a mention names, seen from a clause of document `from`. */
function mentionResolver(documents: DocumentRecord[]) {
  const byKey = new Map<string, DocumentRecord[]>();
  const add = (key: string, doc: DocumentRecord) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(doc)) byKey.set(key, [...list, doc]);
  };
  for (const doc of documents) {
    if (doc.docNumber) add(`docNumber:${normalizeDocNumber(doc.docNumber)}`, doc);
    for (const t of citableNames(doc)) add(`title:${normalizeTitle(t)}`, doc);
  }
  const docs = new Map(documents.map((d) => [d.id, d]));
  const key = (m: Pick<Mention, 'text' | 'kind'>) => (m.kind === 'docNumber' ? `docNumber:${normalizeDocNumber(m.text)}` : `title:${normalizeTitle(m.text)}`);
  return (m: Pick<Mention, 'text' | 'kind'>, from: string): Resolution => {
    const self = docs.get(from);
    const own = (d: DocumentRecord) => d.id === from || (self?.work !== undefined && d.work === self.work);
    const found = byKey.get(key(m)) ?? [];
    const other = found.find((d) => !own(d));
    return other ? { target: other.id } : found.length > 0 ? { self: true } : {};
  };
}

// ───────────────────────────────────────────────────────────── article references

/** An article reference as printed: 第N条, 第N条之一, with the 款 and 项 it names. */
interface ScannedArticle {
  start: number;
  end: number;
  /** The article's number as a key: "18", or "18之1" for 第十八条之一. */
  article: string;
  paragraph?: number;
  item?: number;
}

const NUMERAL = '[零〇一二两三四五六七八九十百千]+|[0-9０-９]+';
const ARTICLE_REF = new RegExp(`第(${NUMERAL})条(?:之([一二三四五六七八九十]+))?(?:第(${NUMERAL})款)?(?:第(?:(${NUMERAL})|[（(](${NUMERAL})[）)])项)?`, 'gu');
/** The number of an article as printed in its clause record: 第十八条, 第十八条之一. */
const ARTICLE_NUMBER = new RegExp(`^第(${NUMERAL})条(?:之([一二三四五六七八九十]+))?$`, 'u');

/** The value of a numeral as printed: Chinese (十八, 一百零五) or digits (18, １８). */
function numeralValue(s: string): number | null {
  return /^[0-9０-９]+$/.test(s) ? Number(s.normalize('NFKC')) : parseChineseNumeral(s);
}

/** The key of an article number (18, 18之1), from the numeral and the numeral after 之. */
function articleKey(n: string, sub: string | undefined): string | null {
  const value = numeralValue(n);
  const subValue = sub === undefined ? undefined : numeralValue(sub);
  if (value === null || subValue === null) return null;
  return subValue === undefined ? String(value) : `${value}之${subValue}`;
}

/** Every article reference of a text (第十八条, 第二十条第二款, 第四十七条第一项), in text order. */
function scanArticles(text: string): ScannedArticle[] {
  const found: ScannedArticle[] = [];
  for (const m of text.matchAll(ARTICLE_REF)) {
    const article = articleKey(m[1], m[2]);
    if (article === null) continue;
    const paragraph = m[3] === undefined ? undefined : (numeralValue(m[3]) ?? undefined);
    const itemNumeral = m[4] ?? m[5];
    const item = itemNumeral === undefined ? undefined : (numeralValue(itemNumeral) ?? undefined);
    found.push({ start: m.index, end: m.index + m[0].length, article, ...(paragraph ? { paragraph } : {}), ...(item ? { item } : {}) });
  }
  return found;
}

/** The article key of a clause that is an article (number 第N条), or null. */
function articleOf(clause: ClauseRecord): string | null {
  const m = clause.number?.match(ARTICLE_NUMBER);
  return m ? articleKey(m[1], m[2]) : null;
}

/** 本法, 本条例, 本章程 … right before a reference: the clause's own document. */
const OWN_DOCUMENT = /本(?:法|条例|章程|办法|规定|细则|实施细则|解释|规则|准则|决定|守则)$/u;
/** What may stand between two article references of one list (本法第三条、第十二条). */
const LIST_SEPARATOR = /^(?:、|和|及|以及|或者|或|与|至|到)$/u;
/**
 * What may stand right before a reference that names no law (依照第十二条规定): the start, a mark,
 * or the last character of a verb or particle; any other character ends a name (…法, …条例).
 */
const BARE_BEFORE = /(?:^|[^\p{Script=Han}]|[照据反用有除和及或与至到在于依按即合对是])$/u;
/** A line of an article that is an item (项): it opens with its number in brackets, （一）. */
const ITEM_LINE = /^\s*[（(]([一二三四五六七八九十]+)[）)]/u;
/** The shortest bare law name looked for (工会法). */
const MIN_NAME = 3;

/**
 * The anchors of an article's paragraphs, from its text (one line per paragraph): a 款 k is p{k},
 * and the j-th item (项, a line opening with （一）…) of 款 k is p{k}-{j}, as the pages anchor them.
 */
function lineAnchors(text: string): string[] {
  let paragraph = 0;
  let ordinal = 0;
  return text.split('\n').map((line) => {
    if (ITEM_LINE.test(line)) return `p${Math.max(paragraph, 1)}-${++ordinal}`;
    ordinal = 0;
    return `p${++paragraph}`;
  });
}

/**
 * The anchor of the 款 (第M款) or 项 (第K项, of 款 M or of the first) an article reference names on
 * the article's page: p{M}, p{M}-{K}; from the anchors published with the article, else from its
 * text lines. Undefined where nothing is named, or the article has no such 款 (a 项 it lacks falls
 * back to its 款 where one is named).
 */
export function articleAnchor(article: { text: string; anchors?: readonly string[] }, paragraph?: number, item?: number): string | undefined {
  if (paragraph === undefined && item === undefined) return undefined;
  const anchors = article.anchors ?? lineAnchors(article.text);
  const k = paragraph ?? 1;
  if (item !== undefined && anchors.includes(`p${k}-${item}`)) return `p${k}-${item}`;
  return paragraph !== undefined && anchors.includes(`p${k}`) ? `p${k}` : undefined;
}

/** The article clauses of the library, by document and article key (a number printed twice in a document names neither). */
function articleIndex(clauses: ClauseRecord[]): Map<string, ClauseRecord | null> {
  const index = new Map<string, ClauseRecord | null>();
  for (const c of clauses) {
    const key = articleOf(c);
    if (key === null) continue;
    const k = `${c.doc}\u0000${key}`;
    index.set(k, index.has(k) ? null : c);
  }
  return index;
}

/** A mention with where it starts in its text (for ordering). */
type Placed = { start: number; mention: Mention };

/** Clause id → the mentions in its heading and text, in text order (clauses without any are left out). */
export function findMentions(documents: DocumentRecord[], clauses: ClauseRecord[]): Map<string, Mention[]> {
  const resolve = mentionResolver(documents);
  const articles = articleIndex(clauses);
  // Bare law names: a title, and a title without 中华人民共和国 (工会法); no other shortening is guessed.
  const names = new Map<string, DocumentRecord[]>();
  for (const doc of documents) {
    const bare = doc.title.startsWith(PRC) ? [doc.title, doc.title.slice(PRC.length)] : [doc.title];
    for (const name of bare) if (name.length >= MIN_NAME) names.set(name, [...(names.get(name) ?? []), doc]);
  }
  const longestName = Math.max(0, ...[...names.keys()].map((n) => n.length));
  const docs = new Map(documents.map((d) => [d.id, d]));

  /**
   * Whether a document `from` cites the articles of document `to` as the library holds them: its
   * own, or one whose text (dated by its latest adoption or revision) is no later than the citing
   * document. Articles are renumbered between versions (工会法第十八条 of 2009 is 第十九条 of 2021),
   * so where either date is unknown, or the citing document is older, its references name the law only.
   */
  const sameVersion = (from: string, to: string): boolean => {
    if (from === to) return true;
    const [citing, cited] = [docs.get(from)?.date, docs.get(to)?.date];
    return citing !== undefined && cited !== undefined && citing >= cited;
  };
  /** The document a resolution names, as seen from `from` (its own document for a self resolution). */
  const docOf = (r: Resolution, from: string) => ('target' in r ? r.target : 'self' in r ? from : null);
  /** The library law named right before `at` by a bare name: its document (own or other) and where the name starts. */
  const bareName = (text: string, at: number, from: string): { doc: string; start: number } | null => {
    for (let len = Math.min(longestName, at); len >= MIN_NAME; len--) {
      const list = names.get(text.slice(at - len, at));
      if (!list) continue;
      const self = docs.get(from);
      const own = (d: DocumentRecord) => d.id === from || (self?.work !== undefined && d.work === self.work);
      return { doc: (list.find((d) => !own(d)) ?? { id: from }).id, start: at - len };
    }
    return null;
  };

  /** The mentions of one text (the heading or the body) of `clause`, placed. */
  const mentionsOf = (clause: ClauseRecord, text: string): Placed[] => {
    const scanned = scanMentions(text);
    const placed: Placed[] = [];
    const absorbed = new Set<ScannedMention>();
    const titles = scanned.filter((m) => m.kind === 'title');
    let previous: { end: number; doc: string | null } | undefined;
    for (const ref of scanArticles(text)) {
      let doc: string | null = null;
      let start = ref.start;
      let title: ScannedMention | undefined;
      const before = text.slice(0, ref.start);
      const own = OWN_DOCUMENT.exec(before);
      const name = own ? null : bareName(text, ref.start, clause.doc);
      if (titles.some((t) => t.start < ref.start && ref.start < t.end))
        doc = null; // within a title
      else if (previous && LIST_SEPARATOR.test(text.slice(previous.end, ref.start))) doc = previous.doc;
      else if ((title = titles.find((t) => t.end === ref.start))) {
        doc = docOf(resolve(title, clause.doc), clause.doc);
        start = title.start;
      } else if (own) {
        doc = clause.doc;
        start -= own[0].length;
      } else if (name) ({ doc, start } = name);
      else if (articleOf(clause) !== null && BARE_BEFORE.test(before)) doc = clause.doc;
      previous = { end: ref.end, doc };
      if (doc === null) continue;
      const article = sameVersion(clause.doc, doc) ? articles.get(`${doc}\u0000${ref.article}`) : undefined;
      if (doc === clause.doc && (!article || article.id === clause.id)) continue;
      const anchor = article ? articleAnchor(article, ref.paragraph, ref.item) : undefined;
      if (title) absorbed.add(title);
      placed.push({ start, mention: { text: text.slice(start, ref.end), kind: 'article', target: article?.id ?? doc, ...(anchor ? { anchor } : {}) } });
    }
    for (const m of scanned) {
      if (absorbed.has(m)) continue;
      const byNumber: Resolution = m.docNumber ? resolve({ text: m.docNumber, kind: 'docNumber' }, clause.doc) : {};
      const byText = resolve(m, clause.doc);
      const target = 'target' in byNumber ? byNumber.target : 'target' in byText ? byText.target : undefined;
      const self = !target && ('self' in byNumber || 'self' in byText);
      placed.push({
        start: m.start,
        mention: {
          text: m.text,
          kind: m.kind,
          ...(m.docNumber ? { docNumber: m.docNumber } : {}),
          ...(target ? { target } : {}),
          ...(self ? { self: true as const } : {}),
        },
      });
    }
    // Stable: a title before the titles inside it, an article reference before the titles within it.
    return placed.sort((a, b) => a.start - b.start);
  };

  const out = new Map<string, Mention[]>();
  for (const clause of clauses) {
    const mentions = [clause.heading ?? '', clause.text].flatMap((text) => mentionsOf(clause, text)).map((p) => p.mention);
    if (mentions.length === 0) continue;
    // A number printed after its title names the same document, which the title may have resolved.
    const byTitle = new Map(mentions.flatMap((m) => (m.docNumber && (m.target || m.self) ? [[m.docNumber, m]] : [])));
    for (const n of mentions) {
      const title = n.kind === 'docNumber' && !n.target && !n.self ? byTitle.get(n.text) : undefined;
      if (title?.target) n.target = title.target;
      else if (title?.self) n.self = true;
    }
    out.set(clause.id, mentions);
  }
  return out;
}

/** One line of a clause's list of cited documents: a library document or article, or the text of a document the library lacks. */
export type CitedEntry = { target: string; anchor?: string; part?: string } | { text: string; docNumber?: string };

/** The 款 and 项 an article reference names, as printed after its 第N条: "第二款", "第一项", or ''. */
function partNamed(text: string): string {
  return text.match(new RegExp(`条(?:之[一二三四五六七八九十]+)?((?:第(?:${NUMERAL}|[（(](?:${NUMERAL})[）)])[款项])*)$`, 'u'))?.[1] ?? '';
}

/**
 * A clause's mentions as the list of documents and articles it names, in text order, each once:
 * mentions of one library document (or of one place of an article) are one entry, a number printed
 * after its title joins that title's entry, and mentions of the clause's own document are left out.
 * An entry with an anchor also gives the 款 or 项 named, as printed (`part`).
 */
export function citedEntries(mentions: Mention[]): CitedEntry[] {
  const seen = new Set<string>();
  const entries: CitedEntry[] = [];
  for (const m of mentions) {
    if (m.self) continue;
    if (m.target) {
      const key = `doc:${m.target}#${m.anchor ?? ''}`;
      const part = m.anchor ? partNamed(m.text) : '';
      if (!seen.has(key)) entries.push({ target: m.target, ...(m.anchor ? { anchor: m.anchor } : {}), ...(part ? { part } : {}) });
      seen.add(key);
      continue;
    }
    const keys = m.kind === 'title' ? [`title:${normalizeTitle(m.text)}`] : [`docNumber:${normalizeDocNumber(m.text)}`];
    if (m.docNumber) keys.push(`docNumber:${normalizeDocNumber(m.docNumber)}`);
    if (!seen.has(keys[0])) entries.push(m.docNumber ? { text: m.text, docNumber: m.docNumber } : { text: m.text });
    for (const k of keys) seen.add(k);
  }
  return entries;
}

/**
 * The mentions of a clause that can be linked wherever their text is printed in it (`text`: the
 * heading and body, lines apart), the way the page links them: each text once, the longest first
 * where several start at one place. A text is left unlinked where its mentions lead to different
 * places, or where it is also printed where it is no such mention (第十二条 in 劳动合同法第十二条),
 * so that no link leads anywhere the text does not name.
 */
export function linkableMentions(mentions: Mention[], text: string): Mention[] {
  const byText = new Map<string, Mention[]>();
  for (const m of mentions) byText.set(m.text, [...(byText.get(m.text) ?? []), m]);
  const place = (m: Mention) => (m.target ? `${m.target}#${m.anchor ?? ''}` : '');
  const linked = new Set([...byText].filter(([t, list]) => t && list.every((m) => m.target && place(m) === place(list[0]))).map(([t]) => t));
  const lines = text.split('\n');
  for (;;) {
    const longestFirst = [...linked].sort((a, b) => b.length - a.length);
    const counts = new Map<string, number>();
    for (const line of lines)
      for (let i = 0; i < line.length;) {
        const hit = longestFirst.find((t) => line.startsWith(t, i));
        if (!hit) i++;
        else {
          counts.set(hit, (counts.get(hit) ?? 0) + 1);
          i += hit.length;
        }
      }
    const over = [...linked].filter((t) => (counts.get(t) ?? 0) > byText.get(t)!.length);
    if (over.length === 0) break;
    for (const t of over) linked.delete(t);
  }
  return mentions.filter((m) => linked.has(m.text));
}
