// HTTPS for head office (HTTP/1.1) when given a certificate and key: Fastify's option, and reading that pair.
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { refuse } from '../src-main/shared/errors';

/**
 * Fastify's `https` option (HTTP/1.1 over TLS; Fastify then reports https:// addresses and reads
 * the request's scheme from the encrypted socket). Typed as a plain record so the instance keeps
 * the http.Server type every route is written against; an https.Server answers the same calls.
 */
export function httpsOption(tls: { cert: Buffer; key: Buffer } | undefined): Record<string, never> {
  const options: Record<string, unknown> = tls ? { https: { cert: tls.cert, key: tls.key } } : {};
  return options as Record<string, never>;
}

/** The PEM files of --tls-cert and --tls-key: both or neither, readable and a matching pair; else a refusal. */
export function readTlsFiles(certFile?: string, keyFile?: string): { cert: Buffer; key: Buffer } | null {
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined || keyFile === undefined)
    throw refuse(
      'VALIDATION',
      '须同时给出 --tls-cert 与 --tls-key(或都不给)',
      'Give both --tls-cert and --tls-key (or neither)',
      [{ field: certFile === undefined ? 'tlsCert' : 'tlsKey', message: { zh: '缺少', en: 'is missing' } }],
    );
  const read = (file: string, what: { zh: string; en: string }) => {
    try {
      return readFileSync(file);
    } catch {
      throw refuse('VALIDATION', `无法读取${what.zh} ${file}`, `The ${what.en} ${file} cannot be read`);
    }
  };
  const pair = {
    cert: read(certFile, { zh: '证书文件', en: 'certificate file' }),
    key: read(keyFile, { zh: '私钥文件', en: 'private key file' }),
  };
  try {
    createSecureContext(pair);
  } catch {
    throw refuse(
      'VALIDATION',
      '证书与私钥不是一对有效的 PEM 文件',
      'The certificate and private key are not a valid matching pair of PEM files',
    );
  }
  return pair;
}
