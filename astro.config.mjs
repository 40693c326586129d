// @ts-check
import { defineConfig } from 'astro/config';

// Pages are written as files (clause pages as `<doc>/<path>.html`, directory pages as
// `<dir>/index.html`), so every link can be relative and also resolve from disk.
export default defineConfig({
  site: process.env.TIAOWEN_SITE ?? 'https://tiaowen.example.org',
  build: { format: 'preserve', assets: 'assets' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  integrations: [],
});
