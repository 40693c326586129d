/** Chinese labels for the data model's field names and codes. */
import type { Link } from '../model';

/** Labels of document metadata fields, in the order the 文档信息 list shows them. */
export const DOCUMENT_FIELDS: [key: string, label: string][] = [
  ['title', '标题'],
  ['excerpt', '节选范围'],
  ['version', '版本'],
  ['kind', '类型'],
  ['issuer', '发文机关'],
  ['docNumber', '文号'],
  ['date', '日期'],
  ['effectiveDate', '施行日期'],
  ['validity', '时效性'],
  ['addressees', '主送机关'],
  ['author', '作者'],
  ['affiliation', '作者单位'],
  ['authorNote', '作者简介'],
  ['abstract', '摘要'],
  ['keywords', '关键词'],
  ['classification', '中图分类号'],
  ['documentCode', '文献标识码'],
  ['articleNumber', '文章编号'],
  ['received', '收稿日期'],
  ['editor', '责任编辑'],
  ['notes', '说明'],
  ['origin', '文本出处'],
  ['clauseCount', '条文数'],
  ['source', '来源文件'],
];

/** Fields that are internal or shown elsewhere on the document page. */
export const HIDDEN_DOCUMENT_FIELDS = new Set(['id', 'url', 'titleEditorial', 'furniture', 'outline', 'work', 'leadHeadings', 'descriptiveTitle', 'annexOf']);

const FURNITURE_ROLES: Record<string, string> = {
  header: '版头',
  docNumber: '文号',
  title: '标题',
  issuerLine: '发文机关',
  date: '成文日期',
  addressees: '主送机关',
  signature: '落款',
  continuedFrom: '转版说明',
  received: '收稿日期',
  authorNote: '作者简介',
  editor: '责任编辑',
  author: '作者',
  affiliation: '作者单位',
  abstract: '摘要',
  keywords: '关键词',
  classification: '中图分类号',
  documentCode: '文献标识码',
  articleNumber: '文章编号',
  annexMarker: '附件标记',
  annexList: '附件',
  markup: '排版标记',
  adoption: '通过及修正',
  sourceLine: '来源',
  publication: '公开方式',
};

/** The Chinese name of a furniture role (版头, 收稿日期, 责任编辑…); the code itself if unknown. */
export function furnitureLabel(role: string): string {
  return FURNITURE_ROLES[role] ?? role;
}

/**
 * Whether a piece of furniture needs its role shown before it: not where the printed text
 * already opens with that label ("收稿日期: …", "[摘要]…", "（责任编辑：…）").
 */
export function furnitureNeedsLabel(role: string, text: string): boolean {
  const label = furnitureLabel(role);
  return !text
    .trim()
    .replace(/^[[（(【〔]\s*/, '')
    .startsWith(label);
}

const RELS: Record<Link['rel'], string> = {
  version: '其他转录本中的同一条',
  implements: '本条落实的条文',
  'implemented-by': '落实本条的条目',
  related: '其他文件中的相关条文',
  cites: '本条提到的文件或条文',
};

/** The heading of a group of links on a clause page. */
export function relLabel(rel: string): string {
  return (RELS as Record<string, string>)[rel] ?? rel;
}

/** Format an ISO date (2014-12-08, 2021-06, 2017) the Chinese way (2014年12月8日, 2021年6月, 2017年); other strings unchanged. */
export function formatDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!m) return date;
  const [, y, mo, d] = m;
  return d ? `${y}年${Number(mo)}月${Number(d)}日` : mo ? `${y}年${Number(mo)}月` : `${y}年`;
}
