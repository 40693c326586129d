/** The hashed files of quotes/ (src/integrations/assets.ts). */
import { assetEndpoint } from '../../integrations/assets';

export const { getStaticPaths, GET } = assetEndpoint('quotes');
