// @ts-check
import { defineConfig } from 'astro/config';
import { canonicalSite } from './scripts/lib/site-url.mjs';
import search from './src/integrations/search.ts';

// Pages are written as files (clause pages as `<doc>/<path>.html`, directory pages as
// `<dir>/index.html`), so every link can be relative and also resolve from disk.
// `site` is the canonical site (TIAOWEN_SITE), or undefined: then the pages copy the address
// they are opened at (scripts/lib/site-url.mjs).
export default defineConfig({
  site: canonicalSite(),
  build: { format: 'preserve', assets: 'assets' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  // The search files and Pagefind's records, in `astro:build:done` (scripts/build.mjs then
  // runs Pagefind over the records).
  integrations: [search()],
});
