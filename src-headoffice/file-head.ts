// The first bytes of a file, to tell its kind by its magic (a sealed file, a USB container part) before reading it whole.
import { closeSync, openSync, readSync } from 'node:fs';

/** Up to `length` bytes from the start of `file` (fewer when the file is shorter). */
export function fileHead(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(length);
    return head.subarray(0, readSync(fd, head, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}
