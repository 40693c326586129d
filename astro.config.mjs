// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';

// Pages are written as files (clause pages as `<doc>/<path>.html`, directory pages as
// `<dir>/index.html`), so every link can be relative and also resolve from disk.
export default defineConfig({
  site: process.env.TIAOWEN_SITE ?? 'https://tiaowen.example.org',
  build: { format: 'preserve', assets: 'assets' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  // Pagefind indexes the built pages in `astro:build:done`.
  integrations: [pagefind()],
});
