// The part of pg-copy-streams (no bundled types) head office uses: COPY … FROM STDIN as a writable stream.
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';
  export interface CopyStreamQuery extends Writable, Submittable {
    rowCount: number;
  }
  export function from(sql: string): CopyStreamQuery;
}
