/**
 * What the 引用格式 menu of a clause or document page (src/components/CiteFormats.astro) shows:
 * the GB/T 7714-2015 reference of the document, and its citation files to download.
 */
import type { DocumentRecord, Library } from '../model';
import { canonicalUrl, citeFileUrl, relativeUrl } from '../urls';
import { buildDate, documentFacts, gbtParts, type GbtParts } from './formats';
import { libraryView } from './view';

export interface CiteFile {
  format: 'json' | 'bib';
  /** The link relative to the page, and the file name to save it as. */
  href: string;
  download: string;
  name: string;
  /** What the format is for. */
  what: string;
  type: string;
}

const FILES = [
  { format: 'json' as const, name: 'CSL-JSON', what: 'Zotero 等文献管理软件可导入', type: 'application/vnd.citationstyles.csl+json' },
  { format: 'bib' as const, name: 'BibTeX', what: 'LaTeX 使用，UTF-8 编码', type: 'application/x-bibtex' },
];

/** The menu of the page at `url` citing `doc`: the page's canonical address (if the build has a site), the GB/T reference cited on `cited`, and the files. */
export function citeFormatsData(
  library: Library,
  doc: DocumentRecord,
  url: string,
  site: URL | string | undefined,
  cited: string = buildDate(),
): { canonical?: string; gbt: GbtParts; files: CiteFile[] } {
  const view = libraryView(library);
  const canonical = canonicalUrl(site, url);
  return {
    canonical,
    gbt: gbtParts(documentFacts(doc, view.doc), cited, canonical),
    files: FILES.map((f) => ({ ...f, href: relativeUrl(url, citeFileUrl(doc.id, f.format)), download: `${doc.id}.${f.format}` })),
  };
}
