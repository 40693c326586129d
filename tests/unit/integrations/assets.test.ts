import { describe, expect, it } from 'vitest';
import { assetEndpoint, hashedPath, siteAssets } from '../../../src/integrations/assets';

describe('the hashed files', () => {
  it('put the first 10 hex digits of the SHA-256 of the content before the extension', () => {
    // SHA-256 of "" is e3b0c44298fc1c14…
    expect(hashedPath('/assets/site.css', '')).toBe('/assets/site.e3b0c44298.css');
    expect(hashedPath('/search/app.js', new Uint8Array())).toBe('/search/app.e3b0c44298.js');
  });

  it('name the stylesheet and each script by its own content, and a changed content by another name', async () => {
    const assets = await siteAssets();
    const names = Object.values(assets).map((a) => a.url);
    expect(names).toEqual([
      expect.stringMatching(/^\/assets\/site\.[0-9a-f]{10}\.css$/),
      expect.stringMatching(/^\/assets\/site\.[0-9a-f]{10}\.js$/),
      expect.stringMatching(/^\/search\/app\.[0-9a-f]{10}\.js$/),
      expect.stringMatching(/^\/basket\/app\.[0-9a-f]{10}\.js$/),
      expect.stringMatching(/^\/quotes\/app\.[0-9a-f]{10}\.js$/),
    ]);
    for (const a of Object.values(assets)) expect(a.url).toBe(hashedPath(a.url.replace(/\.[0-9a-f]{10}\./, '.'), a.body));
    expect(hashedPath('/assets/site.css', `${assets.stylesheet.body} `)).not.toBe(assets.stylesheet.url);
  });

  it("let each folder's endpoint write exactly that folder's files, with their content and type", async () => {
    const assets = await siteAssets();
    const { getStaticPaths, GET } = assetEndpoint('assets');
    const paths = (await getStaticPaths({} as never)) as { params: { file: string }; props: Record<string, unknown> }[];
    expect(paths.map((p) => `/assets/${p.params.file}`)).toEqual([assets.stylesheet.url, assets.script.url]);
    const response = await GET({ props: paths[0]!.props } as never);
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(await response.text()).toBe(assets.stylesheet.body);
  });
});
