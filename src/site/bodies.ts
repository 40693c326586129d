/**
 * Clause bodies as the pages show them: each clause's parse tree rendered to HTML (render.ts),
 * with the mentions of the library's texts that name one place wherever they are printed as links.
 */
import type { Library, LibraryData } from '../model';
import { linkableMentions } from '../pipeline/links/references';
import { renderClauseBody } from './render';

/** The library with its `renderBody`: the pipeline's records, and each clause's body rendered from its tree on demand. */
export function withBodies(data: LibraryData): Library {
  const { documents, clauses, trees, mentions } = data;
  const urls = new Map([...documents, ...clauses].map((r) => [r.id, r.url]));
  const records = new Map(clauses.map((c) => [c.id, c]));
  const renderBody: Library['renderBody'] = (id, opts) => {
    const clause = trees.get(id);
    if (!clause) throw new Error(`no clause ${id}`);
    const record = records.get(id);
    // Only mentions whose text names one place wherever it is printed (see linkableMentions); an article's 款 by its anchor.
    const cites = (record ? linkableMentions(mentions.get(id) ?? [], `${record.heading ?? ''}\n${record.text}`) : []).flatMap((m) => {
      const url = m.target && urls.get(m.target);
      return url ? [{ text: m.text, url: m.anchor ? `${url}#${m.anchor}` : url }] : [];
    });
    return renderClauseBody(clause, { ...opts, cites });
  };
  return { ...data, renderBody };
}
