// @ts-check
import { defineConfig } from 'astro/config';
import search from './src/integrations/search.ts';

// Pages are written as files (clause pages as `<doc>/<path>.html`, directory pages as
// `<dir>/index.html`), so every link can be relative and also resolve from disk.
export default defineConfig({
  site: process.env.TIAOWEN_SITE ?? 'https://tiaowen.example.org',
  build: { format: 'preserve', assets: 'assets' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  // The search files and Pagefind's records, in `astro:build:done` (scripts/build.mjs then
  // runs Pagefind over the records).
  integrations: [search()],
});
