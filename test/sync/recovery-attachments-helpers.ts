// Small helpers of the attachment recovery test: a blob read back hash-checked, signed GET headers.
import { signRequest } from '../../src-main/sync/batch-sign';

export { readBlob } from '../../src-main/db/blob-store';

export const signRequestHeadersFor = (key: string, branch: string, path: string): Record<string, string> => ({
  ...signRequest(key, { method: 'GET', path, branch, body: '', now: Date.now() }),
});
