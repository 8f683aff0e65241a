// Files on their way to attachments.add: read as base64 (FileReader; IPC and the browser mode's JSON
// both carry base64), the size limit checked before sending (main checks again on the bytes), and the
// bytes main answers turned back into something a viewer or a player can open.
import { DateTime } from 'luxon';
import type { AttachmentContent } from '../../../src-main/shared/attachment-types';

const MB = 1024 * 1024;

/** The file's size in MB with one decimal, as the refusal says it. */
export const sizeMb = (bytes: number): string => (bytes / MB).toFixed(1);

/** Whether a file is over the setting's limit (attachmentMaxMb). */
export const overLimit = (bytes: number, maxMb: number): boolean => bytes > maxMb * MB;

/** The file's bytes as base64, without the data URL's prefix. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function bytesOf(content: AttachmentContent): Uint8Array<ArrayBuffer> {
  const bin = atob(content.dataBase64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A blob: URL of the content (the window's CSP allows blob: images and media); revoke when done. */
export const objectUrlOf = (content: AttachmentContent): string =>
  URL.createObjectURL(new Blob([bytesOf(content)], { type: content.mime }));

/** A name for a file that came without one (a pasted screenshot, a camera shot): prefix and the branch's wall time. */
export const generatedName = (prefix: string, ext: string, zone: string, at = Date.now()): string =>
  `${prefix}-${DateTime.fromMillis(at, { zone }).toFormat('yyyyMMdd-HHmmss')}.${ext}`;

/** What the file picker offers (the type is still decided from the bytes in main). */
export const PICKER_ACCEPT = '.jpg,.jpeg,.png,.webp,.heic,.heif,.pdf,.mp3,.m4a,.wav,image/*,audio/*,application/pdf';
