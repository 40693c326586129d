/**
 * Kept only for src/pages/search/index.astro, which is being moved by another change: the
 * URL patterns and helpers live in src/urls.ts. Import from there; remove this file once the
 * search page does.
 */
export { relativeUrl, searchHref, SEARCH_URL, TERMS_URL } from '../urls';
