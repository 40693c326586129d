/**
 * The site's stylesheet and browser scripts as files named by the start of their content's
 * SHA-256 (`assets/site.<hash>.css`, `assets/site.<hash>.js`, `search/app.<hash>.js`,
 * `basket/app.<hash>.js`, `quotes/app.<hash>.js`): a name never changes its content, so a
 * browser may keep the file for good (README, Cache headers), and a build that changes a file
 * gives it a new name, which the pages then name. Each is made once per build process.
 */
import { createHash } from 'node:crypto';
import type { APIRoute, GetStaticPaths } from 'astro';
import { css } from '../styles';
import { SCRIPT_URL, STYLESHEET_URL } from '../urls';
import { bundleBrowserScript } from './browser-bundle';

/** One of the site's hashed files: its site-relative URL, its text and its content type. */
export interface Asset {
  url: string;
  body: string;
  type: string;
}

/** The hashed files, by what they are: each one's unhashed site-relative path and where its text comes from. */
const SOURCES = {
  stylesheet: { path: STYLESHEET_URL, text: async () => css },
  script: { path: SCRIPT_URL, text: () => bundleBrowserScript('src/browser/site/main.ts') },
  search: { path: '/search/app.js', text: () => bundleBrowserScript('src/browser/search/main.ts') },
  basket: { path: '/basket/app.js', text: () => bundleBrowserScript('src/browser/basket/main.ts') },
  quotes: { path: '/quotes/app.js', text: () => bundleBrowserScript('src/browser/quotes/main.ts') },
} as const;

/** The name of a hashed file. */
export type AssetName = keyof typeof SOURCES;

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

/** A path with the first 10 hex digits of the SHA-256 of `body` before its extension (`/assets/site.css` → `/assets/site.0123456789.css`). */
export function hashedPath(path: string, body: string | Uint8Array): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return path.replace(/\.(\w+)$/, `.${hash}.$1`);
}

let made: Promise<Record<AssetName, Asset>> | undefined;

/** Every hashed file of the site, made on the first call of a build process. */
export function siteAssets(): Promise<Record<AssetName, Asset>> {
  made ??= Promise.all(
    Object.entries(SOURCES).map(async ([name, { path, text }]) => {
      const body = await text();
      return [name, { url: hashedPath(path, body), body, type: TYPES[path.split('.').pop()!]! }] as const;
    }),
  ).then((entries) => Object.fromEntries(entries) as Record<AssetName, Asset>);
  return made;
}

/** The site-relative URL of a hashed file. */
export const assetUrl = async (name: AssetName): Promise<string> => (await siteAssets())[name].url;

/** The static paths and handler of the endpoint `src/pages/<folder>/[file].ts`, which writes the hashed files of that folder. */
export function assetEndpoint(folder: string): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () =>
      Object.values(await siteAssets())
        .filter((a) => a.url.startsWith(`/${folder}/`))
        .map((a) => ({ params: { file: a.url.slice(folder.length + 2) }, props: { asset: a } })),
    GET: ({ props }) => new Response((props.asset as Asset).body, { headers: { 'Content-Type': (props.asset as Asset).type } }),
  };
}
