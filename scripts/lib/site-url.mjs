// @ts-check
/**
 * The canonical site: where the library is published, if the build was told (TIAOWEN_SITE).
 *
 * With it, every copied link, citation and printed permalink starts with that site, and the
 * offline bundle names it as the online version. Without it there is no address the build
 * can know: the pages copy the address they were opened at (src/browser/site/links.ts), and the
 * offline bundle opened from disk copies citations without a link. astro.config.mjs reads
 * the site from here, and scripts/build.mjs prints which rule the build used.
 */

/** The environment variable that names the canonical site. */
export const SITE_VARIABLE = 'TIAOWEN_SITE';

/**
 * The canonical site from the environment: TIAOWEN_SITE as an http(s) URL ending in `/`
 * (a path is kept: `https://x.org/lib` → `https://x.org/lib/`), or undefined when it is unset
 * or empty. Throws on anything that is not an http(s) URL, so a typo never reaches the pages.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | undefined}
 */
export function canonicalSite(env = process.env) {
  const raw = env[SITE_VARIABLE]?.trim();
  if (!raw) return undefined;
  /** @type {URL} */
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${SITE_VARIABLE} must be the site's address, like https://example.org/tiaowen/, not "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${SITE_VARIABLE} must be an http(s) address, not "${raw}"`);
  }
  if (url.search || url.hash) throw new Error(`${SITE_VARIABLE} must not carry a query or a fragment: "${raw}"`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The one line the build prints about the links it gives: the canonical site, or the rule
 * that applies without one.
 * @param {string | undefined} site
 * @returns {string}
 */
export function linkRule(site) {
  return site
    ? `Links: canonical site ${site} (${SITE_VARIABLE}); copied links, citations and printed permalinks start with it`
    : `Links: no canonical site set (${SITE_VARIABLE}); copied links use the address a page is opened at, and the offline bundle copies citations without a link`;
}
