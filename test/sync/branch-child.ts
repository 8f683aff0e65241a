// A branch syncing in a child process, for the kill tests: `node --import tsx branch-child.ts DB URL KEY HANG_AT`.
// At the HANG_AT-th answer it prints "answered" and hangs before the acknowledgement is
// stored, so the parent kills it exactly between head office's commit and the branch's record of it.
import { openDatabase } from '../../src-main/db/connection';
import { createContext } from '../../src-main/services/context';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import type { Transport } from '../../src-main/sync/transport';

const [file, url, key, hangAt] = process.argv.slice(2) as [string, string, string, string];
let answers = 0;
const { db } = openDatabase(file);
const inner = new HttpTransport({ url, branch: 'SH01', key });
const transport: Transport = {
  push: async (body) => {
    const answer = await inner.push(body);
    if (++answers === Number(hangAt)) {
      process.stdout.write('answered\n');
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
    return answer;
  },
  pull: (since) => inner.pull(since),
};
await syncOnce({ ctx: createContext(db), branch: 'SH01', transport, caps: { maxRecords: 30, maxBytes: 1e6 } });
process.stdout.write('done\n');
