// What every API-family module needs: the request path, the seller and marketplace, and the
// platform codecs for documents.

import type { CodecPort } from '../ports/codec';
import type { Region } from './hosts';
import type { SpApiRequester } from './request';

export interface ApiContext {
  requester: SpApiRequester;
  marketplaceId: string;
  sellerId: string;
  region: Region;
  codec: CodecPort;
}
