/**
 * Page furniture and document front matter: text that belongs to a document's metadata,
 * not to its clauses. Each recogniser names the role of the block it matches.
 */

interface Recogniser {
  role: string;
  pattern: RegExp;
}

/** Furniture that can appear anywhere in a body (page breaks of a journal or a newspaper). */
export const PAGE_FURNITURE: Recogniser[] = [
  { role: 'received', pattern: /^收稿日期\s*[:：]/ },
  { role: 'authorNote', pattern: /^作者简介\s*[:：]/ },
  { role: 'editor', pattern: /^[（(]责任编辑\s*[:：].*[）)]$/ },
];

/** "(上接第2版)" at the start of a block: the rest of the block is text continued from the previous page. */
export const CONTINUED_FROM = /^[（(]上接第[0-9０-９一二三四五六七八九十]{1,3}版[）)]/;

/** Bracketed front matter of a journal article: [摘要] … [文章编号]. */
export const ARTICLE_FIELDS: Record<string, string> = {
  摘要: 'abstract',
  关键词: 'keywords',
  中图分类号: 'classification',
  文献标识码: 'documentCode',
  文章编号: 'articleNumber',
};
export const ARTICLE_FIELD = /^[[【]\s*(摘要|关键词|中图分类号|文献标识码|文章编号)\s*[\]】]/;

/** The red header of an official document: "山东省总工会文件". */
export const RED_HEADER = /^\S{2,24}文件$/;
/** The line that opens an annex: "附件", "附件1". */
export const ANNEX_MARKER = /^附\s*件\s*[0-9０-９]*\s*[:：]?$/;
/** A document number: 鲁会〔2014〕79号. */
export const DOC_NUMBER = /^\S{1,12}[〔[（(]\d{4}[〕\]）)]\d{1,4}号$/;
/** An issuer's name printed letter-spaced: "山 东 省 总 工 会". */
export const SPACED_ISSUER = /^(?:\S {1,3}){2,}\S$/;
/** A date on a line of its own, optionally in brackets: "2014年12月26日", "（2014年12月8日）". */
export const DATE_LINE = /^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[）)]?$/;
/** A figure caption whose image is not in the source. */
export const FIGURE_CAPTION = /(示意图|统计图|分布图|图\s*[0-9０-９]+)$/;
/** The source line under a figure. */
export const FIGURE_CREDIT = /^资料来源\s*[:：]/;
/** A labelled field of a work-division item. */
export const FIELD = /^(牵头单位|参加单位|责任单位|配合单位)([:：])/;

/** The role of a block that is page furniture wherever it appears, or null. */
export function pageFurnitureRole(value: string): string | null {
  for (const r of PAGE_FURNITURE) if (r.pattern.test(value)) return r.role;
  return null;
}

/** Convert a matched date line to ISO form (2014-12-08). */
export function isoDate(value: string): string | undefined {
  const m = DATE_LINE.exec(value.trim());
  if (!m) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}
