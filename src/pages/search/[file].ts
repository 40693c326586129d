/** The hashed files of search/ (src/integrations/assets.ts). */
import { assetEndpoint } from '../../integrations/assets';

export const { getStaticPaths, GET } = assetEndpoint('search');
