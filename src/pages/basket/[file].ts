/** The hashed files of basket/ (src/integrations/assets.ts). */
import { assetEndpoint } from '../../integrations/assets';

export const { getStaticPaths, GET } = assetEndpoint('basket');
