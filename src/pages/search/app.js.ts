/**
 * search/app.js: the search page's script, bundled from src/search/main.ts with esbuild into
 * one classic script (it imports Pagefind at run time, relative to the page).
 */
import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import path from 'node:path';
import { findRepoRoot } from '../../pipeline/segment';

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: [path.join(findRepoRoot(), 'src/search/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  return new Response(result.outputFiles[0].text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
