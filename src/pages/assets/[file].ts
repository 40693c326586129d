/** The hashed files of assets/: the site's stylesheet and script (src/integrations/assets.ts). */
import { assetEndpoint } from '../../integrations/assets';

export const { getStaticPaths, GET } = assetEndpoint('assets');
