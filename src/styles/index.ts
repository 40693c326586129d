/**
 * The site's stylesheet: site.css first, then every other stylesheet of this folder
 * (one per feature, e.g. versions.css) in name order.
 */
const sheets = import.meta.glob<string>('./*.css', { query: '?raw', import: 'default', eager: true });

/** All of the site's CSS as one text. */
export const css: string = Object.keys(sheets)
  .sort((a, b) => (a === './site.css' ? -1 : b === './site.css' ? 1 : a < b ? -1 : a > b ? 1 : 0))
  .map((k) => sheets[k])
  .join('\n');
