/**
 * The offline search data: what the search page needs where Pagefind cannot load (a copy of
 * the site opened from disk, file://, where module imports and fetches are refused). The
 * build writes it as a classic script, search/offline-index.js, that assigns the data to a
 * global; the page adds a <script> for it only when it searches offline, so the online
 * search never loads it.
 */
import type { OfflineRecord } from './memory-index';
import type { LexiconData } from './files';

/** Where the build writes the offline data, relative to the search page. */
export const OFFLINE_FILE = 'offline-index.js';
/** The global the offline data script assigns. */
const OFFLINE_GLOBAL = '__tiaowenOfflineIndex';

/** The lexicon and every record, as the in-memory index needs them. */
export interface OfflineData {
  lexicon: LexiconData;
  records: OfflineRecord[];
}

/** The offline data as a classic script (minified JSON; U+2028/U+2029 escaped for older parsers). */
export function offlineScript(data: OfflineData): string {
  const json = JSON.stringify(data).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return `self.${OFFLINE_GLOBAL}=${json};\n`;
}

/** Load the offline data by adding a classic <script> for it (works from file://). */
export function loadOfflineData(siteRoot: string): Promise<OfflineData> {
  const global = globalThis as unknown as Record<string, OfflineData | undefined>;
  const loaded = global[OFFLINE_GLOBAL];
  if (loaded) return Promise.resolve(loaded);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(`search/${OFFLINE_FILE}`, siteRoot).href;
    script.onload = () => {
      const data = global[OFFLINE_GLOBAL];
      if (data) resolve(data);
      else reject(new Error(`${OFFLINE_FILE} did not define the search data`));
    };
    script.onerror = () => reject(new Error(`cannot load ${OFFLINE_FILE}`));
    document.head.append(script);
  });
}
