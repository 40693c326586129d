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
/** The line that opens an annex: "附件", "附件1", "附录：". */
export const ANNEX_MARKER = /^附\s*[件录]\s*[0-9０-９]*\s*[:：]?$/;
/** A list of annexes in a notice's body: "附件：国家职业资格目录", "附件：1．…". */
export const ANNEX_LIST = /^附\s*件\s*[0-9０-９]*\s*[:：]\s*\S/;
/** A document number on a line of its own, in any bracket form: 鲁会〔2014〕79号, 劳社部发[2008]3号. */
export const DOC_NUMBER = /^\S{1,12}[〔[［（(【]\d{4}[〕\]］）)】]第?\d{1,5}号$/;
/** An issuer's name printed letter-spaced: "山 东 省 总 工 会". */
export const SPACED_ISSUER = /^(?:\S {1,3}){2,}\S$/;
/** A date on a line of its own, optionally in brackets: "2014年12月26日", "（2014年12月8日）". */
export const DATE_LINE = /^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[）)]?$/;
/** A figure caption whose image is not in the source. */
export const FIGURE_CAPTION = /(示意图|统计图|分布图|图\s*[0-9０-９]+)$/;
/** The source line under a figure. */
export const FIGURE_CREDIT = /^资料来源\s*[:：]/;
/** Field labels, as printed, of the units that lead or carry out an item. */
export const LEAD_FIELD_LABELS = ['牵头单位', '牵头部门', '责任单位', '责任部门'];
/** Field labels, as printed, of the units that join an item. */
export const JOIN_FIELD_LABELS = ['参加单位', '参加部门', '配合单位', '配合部门'];
/** A labelled field of a work-division item. */
export const FIELD = new RegExp(`^(${[...LEAD_FIELD_LABELS, ...JOIN_FIELD_LABELS].join('|')})([:：])`);
/** A responsibility note printed at the end of an item: （人力资源社会保障部、财政部等负责）. */
export const RESPONSIBILITY_NOTE = /[（(]([^（）()。；\n]{2,120}?)(?:等)?(?:按职责分工|分别|共同)?负责[）)]$/;
/** The label a responsibility note's units get in the data: they carry the item out. */
export const RESPONSIBILITY_LABEL = '负责单位';

/** A markdown title line: "# 中华人民共和国工会法". */
export const MARKDOWN_TITLE = /^#[ \t]+/;
/** A markdown heading mark at the start of a line: "## ". */
export const MARKDOWN_HEADING = /^(#{1,6})[ \t]+/;
/** An HTML comment on a line of its own: "<!-- INFO END -->". */
export const HTML_COMMENT = /^<!--[\s\S]*-->$/;
/**
 * An adoption, revision or entry-into-force note under a title, bracketed or not:
 * （2021年12月24日第十三届全国人民代表大会常务委员会第三十二次会议修正）, 2021年1月1日 施行.
 */
export const ADOPTION_NOTE = /^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。]*(?:通过|修正|修订|公布|施行|发布|批准|印发)[^。]*$/;
/** A line naming where a copy was taken from: "来源：中国政府网". */
export const SOURCE_LINE = /^(?:来源|信息来源|稿件来源|文章来源)\s*[:：]/;
/** A publication note after a signature: （此件公开发布）, （此件主动公开）. */
export const PUBLICATION_NOTE = /^[（(]此件[^（）()]{2,12}[）)]$/;

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
