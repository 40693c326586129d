/**
 * What the build gives the quote check page (quotes/data.js; src/browser/quotes/data.ts):
 * every clause with its heading and paragraphs as printed, each paragraph's anchor and
 * citation exactly as the clause page's copy buttons give them (read from the clause's
 * rendered body), the clause's citation and link, and the documents as drafts cite them.
 */
import type { Library } from '../../model';
import { libraryView } from '../../site/view';
import { canonicalUrl, relativeUrl } from '../../urls';
import { parseChineseNumeral } from '../../pipeline/numerals';
import { buildCharMap } from '../search/lexicon';
import type { QuoteClause, QuoteData, QuoteParagraph } from '../../browser/quotes/data';

/** The quote check page's own URL (links in the data are relative to it). */
export const QUOTES_URL = '/quotes/index.html';

/** The characters of an HTML text or attribute value, entities decoded. */
export function decodeHtml(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const name = e.toLowerCase();
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[name]!;
  });
}

/** A rendered body's top-level blocks: anchor, the citation its copy button gives, and its text. */
export function bodyBlocks(html: string): { anchor: string; cite: string; text: string }[] {
  const starts = [...html.matchAll(/<(p|figure|div|dl|ul|ol|table)\b[^>]*\sid="(p[0-9-]+)"/g)];
  return starts.map((m, i) => {
    const chunk = html.slice(m.index, i + 1 < starts.length ? starts[i + 1]!.index : html.length);
    const cite = /data-copy-cite="([^"]*)"/.exec(chunk)?.[1] ?? '';
    const text = chunk
      .replace(/<span class="para-copy"[\s\S]*?<\/span>/g, '')
      .replace(/<span class="figure-missing">[\s\S]*?<\/span>/g, '')
      .replace(/<[^>]*>/g, '');
    return { anchor: m[2]!, cite: decodeHtml(cite), text: decodeHtml(text) };
  });
}

/**
 * The paragraphs of a clause from its text lines and its rendered blocks: each line goes to the
 * first block (from the current one on) whose text holds it, so a figure's caption and credit
 * share one block. `clauseCite` is cut off the blocks' citations, leaving their own place.
 */
export function clauseParagraphs(lines: string[], blocks: { anchor: string; cite: string; text: string }[], clauseCite: string): QuoteParagraph[] {
  const out: QuoteParagraph[] = [];
  let b = 0;
  for (const line of lines) {
    let at = b;
    while (at < blocks.length && !blocks[at]!.text.includes(line)) at++;
    if (at < blocks.length) b = at;
    const block = blocks[b];
    const last = out.at(-1);
    if (last && block && last.a === block.anchor) {
      last.t += `\n${line}`;
      continue;
    }
    const cite = block?.cite ?? '';
    out.push({ a: block?.anchor ?? '', t: line, c: cite.startsWith(clauseCite) ? cite.slice(clauseCite.length) : '' });
  }
  return out;
}

/** The quote check's data for a library; `site` is the canonical site, if the build has one. */
export function quoteData(library: Library, site?: URL | string): QuoteData {
  const view = libraryView(library);
  const docIndex = new Map(library.documents.map((d, i) => [d.id, i]));
  const clauses = library.clauses.map((clause): QuoteClause => {
    const cite = view.citation(clause);
    const blocks = bodyBlocks(library.renderBody(clause.id, { copy: { citation: cite } }));
    const paras = clauseParagraphs(clause.text.split('\n'), blocks, cite);
    if (clause.heading) paras.unshift({ a: '', t: clause.heading, c: '' });
    const article = /^第([零〇一二两三四五六七八九十百千]+)条$/.exec(view.position(clause));
    const n = article ? parseChineseNumeral(article[1]!) : null;
    const abs = canonicalUrl(site, clause.url);
    return {
      id: clause.id,
      url: relativeUrl(QUOTES_URL, clause.url),
      ...(abs ? { abs } : {}),
      doc: docIndex.get(clause.doc) ?? -1,
      label: view.label(clause),
      cite,
      ...(n !== null ? { n } : {}),
      paras,
    };
  });
  const docs = library.documents.map((d) => ({
    title: d.title,
    ...(d.docNumber ? { number: d.docNumber } : {}),
    ...(d.version ? { version: d.version } : {}),
  }));
  const t2s = buildCharMap([...library.clauses.map((c) => `${c.heading ?? ''}\n${c.text}`), ...library.documents.map((d) => d.title)]);
  return {
    t2s: Object.entries(t2s)
      .map(([t, s]) => t + s)
      .join(''),
    docs,
    clauses,
  };
}
