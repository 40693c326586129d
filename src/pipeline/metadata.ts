/**
 * Metadata: the schema of content/sources/<seed>.json, checked when a seed is loaded, and the
 * table of document kinds (shared with scripts/add-source.ts, which derives a kind from a title).
 *
 * A metadata file holds what a source text does not say about itself, one entry per document
 * the parser finds in the seed, in reading order:
 *
 *   { "source": "005_0123456789abcdef.txt",
 *     "documents": [ { "id": "gonghuifa-2021", "kind": "法律", "issuer": "…", "date": "2021-12-24" } ] }
 */
import { z } from 'astro/zod';
import type { SourceMeta } from '../model';

/**
 * Document kinds, each with the last words of a title that mark it (longest first wins:
 * 实施意见 before 意见, 办法 before 法). Kinds with no title word (论文) are given by hand.
 */
export const KIND_TABLE: readonly (readonly [kind: string, titleEndings: readonly string[]])[] = [
  ['法律', ['法']],
  ['法律解释', []],
  ['行政法规', []],
  ['地方性法规', []],
  ['司法解释', ['解释']],
  ['条例', ['条例']],
  ['规定', ['规定']],
  ['办法', ['办法']],
  ['细则', ['细则']],
  ['规则', ['规则']],
  ['章程', ['章程']],
  ['准则', ['准则']],
  ['决定', ['决定']],
  ['决议', ['决议']],
  ['意见', ['意见']],
  ['实施意见', ['实施意见']],
  ['指导意见', ['指导意见']],
  ['通知', ['通知']],
  ['通报', ['通报']],
  ['公告', ['公告']],
  ['批复', ['批复']],
  ['函', ['函', '复函']],
  ['方案', ['方案', '实施方案', '工作方案']],
  ['分工方案', ['分工方案']],
  ['规划', ['规划']],
  ['纲要', ['纲要']],
  ['计划', ['计划']],
  ['要点', ['要点']],
  ['措施', ['措施']],
  ['指引', ['指引', '指南']],
  ['报告', ['报告']],
  ['工作报告', ['工作报告']],
  ['讲话', ['讲话']],
  ['论文', []],
  ['附件', ['附件', '附录']],
];

/** Every kind a document may have. */
export const KINDS: readonly string[] = KIND_TABLE.map(([kind]) => kind);

/** The kind a title's last word names (after any trailing bracketed note such as （试行）), or null. */
export function kindOfTitle(title: string): string | null {
  const core = title.replace(/(?:\s*[（(][^（()）]*[）)])+\s*$/u, '').trim();
  let best: { kind: string; length: number } | null = null;
  for (const [kind, endings] of KIND_TABLE)
    for (const end of endings) if (core.endsWith(end) && (!best || end.length > best.length)) best = { kind, length: end.length };
  return best?.kind ?? null;
}

/** What a document's 时效性 may be. */
export const VALIDITY = ['现行有效', '已修改', '已废止', '部分失效', '尚未施行'] as const;

/** A document id: lower-case ASCII letters and digits in hyphen-separated runs (gonghuifa-2021, luhui-2014-79-annex). */
export const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A date: a year, a month or a day in ISO form (2017, 2017-05, 2014-12-08). */
export const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const text = (what: string) => z.string({ invalid_type_error: `expected ${what} (a string)` }).regex(/\S/u, `expected ${what}, not an empty string`);

/** One document's metadata. Unknown keys are refused, so a misspelt key does not pass unnoticed. */
export const documentMetaSchema = z
  .object({
    id: z
      .string({ required_error: 'required: the document id (e.g. "gonghuifa-2021")', invalid_type_error: 'expected the document id (a string)' })
      .regex(DOCUMENT_ID, 'expected lower-case ASCII letters and digits in runs joined by "-" (e.g. "gonghuifa-2021")'),
    kind: z.enum(KINDS as [string, ...string[]], {
      errorMap: (issue, ctx) => ({
        message:
          ctx.data === undefined
            ? `required: the kind of document, one of ${KINDS.join(' ')}`
            : issue.code === 'invalid_enum_value' || issue.code === 'invalid_type'
              ? `expected one of ${KINDS.join(' ')}; got ${JSON.stringify(ctx.data)}`
              : ctx.defaultError,
      }),
    }),
    title: text('the title the library supplies where the source prints none').optional(),
    descriptiveTitle: z.literal(true, { invalid_type_error: 'expected true (leave the key out otherwise)' }).optional(),
    excerpt: text('what part of the work the text holds (e.g. "节选：第五至十部分")').optional(),
    annexOf: z
      .string({ invalid_type_error: 'expected the id of the document this one is an annex to (a string)' })
      .regex(DOCUMENT_ID, 'expected a document id')
      .optional(),
    version: text('the label of this transcription (e.g. "转录本乙")').optional(),
    issuer: text('the issuer').optional(),
    date: z.string({ invalid_type_error: 'expected a date (a string)' }).regex(ISO_DATE, 'expected an ISO date: "2021", "2021-12" or "2021-12-24"').optional(),
    docNumber: text('the document number (文号)').optional(),
    effectiveDate: z
      .string({ invalid_type_error: 'expected a date (a string)' })
      .regex(ISO_DATE, 'expected an ISO date: "2021", "2021-12" or "2021-12-24"')
      .optional(),
    validity: z.enum(VALIDITY as unknown as [string, ...string[]], { errorMap: () => ({ message: `expected one of ${VALIDITY.join(' ')}` }) }).optional(),
    leadHeadings: z.boolean({ invalid_type_error: 'expected true or false' }).optional(),
    notes: text('notes').optional(),
    origin: text('where the text was taken from (a publisher, a web address, or a repository path and commit)').optional(),
  })
  .strict();

/** A metadata file: the seed it describes and its documents in reading order. */
export const sourceMetaSchema = z
  .object({
    source: z.string({
      required_error: 'required: the seed file name (e.g. "005_0123456789abcdef.txt")',
      invalid_type_error: 'expected the seed file name (a string)',
    }),
    documents: z
      .array(documentMetaSchema, {
        required_error: 'required: "documents", the list of the documents in the seed (write {"source": …, "documents": [{…}, …]})',
        invalid_type_error: 'expected "documents" to be a list ([{…}, …]) of the documents in the seed',
      })
      .min(1, 'expected at least one document'),
  })
  .strict();

/** A zod issue path as the key path of the JSON: documents[1].kind. */
export function keyPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** What one schema issue says, in words: the key path, then what was expected. */
function describeIssue(issue: z.ZodIssue): string {
  const where = keyPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = Object.keys(issue.path.length === 0 ? sourceMetaSchema.shape : documentMetaSchema.shape).join(', ');
    return `${where ? `${where}: ` : ''}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (the keys are: ${allowed})`;
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'expected an object {"source": …, "documents": [{…}, …]}';
  if (issue.code === 'invalid_type' && issue.received === 'undefined' && !issue.message.startsWith('required')) return `${where}: required`;
  return `${where ? `${where}: ` : ''}${issue.message}`;
}

/**
 * Check parsed JSON against the schema. Returns the metadata, or the problems in words
 * (each naming its key path, e.g. `documents[1].kind: expected one of …`), plus duplicate ids.
 */
export function checkSourceMeta(data: unknown): { meta: SourceMeta } | { problems: string[] } {
  const result = sourceMetaSchema.safeParse(data);
  if (!result.success) return { problems: result.error.issues.map(describeIssue) };
  const meta: SourceMeta = result.data;
  const problems: string[] = [];
  meta.documents.forEach((d, i) => {
    const first = meta.documents.findIndex((e) => e.id === d.id);
    if (first < i) problems.push(`documents[${i}].id: "${d.id}" is already the id of documents[${first}]`);
  });
  return problems.length ? { problems } : { meta };
}
