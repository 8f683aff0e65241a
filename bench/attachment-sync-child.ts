// Child processes of the attachment sync bench, so that each side's peak RSS is its own:
//   hq DIR               head office (SQLite, attachments beside it) on 127.0.0.1:0; prints {url, key},
//                        then on stdin close {maxRssMb}
//   branch DB URL KEY    sync runs until no attachment waits; prints {seconds, bytes, runs, maxRssMb}
import { join } from 'node:path';
import { addBranch } from '../src-headoffice/branches';
import { buildServer } from '../src-headoffice/server';
import { openHqStore } from '../src-headoffice/store';
import { openDatabase } from '../src-main/db/connection';
import { createContext } from '../src-main/services/context';
import { attachmentsWaiting } from '../src-main/sync/attachment-upload';
import { HttpTransport } from '../src-main/sync/http-transport';
import { syncOnce } from '../src-main/sync/sync-run';
import { peakRssMb } from './peak-rss';

const BRANCH = 'SH01';
const print = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function hq(dir: string): Promise<void> {
  const db = await openHqStore(join(dir, 'hq-att.sqlite'));
  const key = await addBranch(db, BRANCH, Date.now());
  const app = await buildServer({ db, limits: { rateMax: 1_000_000 }, attachmentsDir: join(dir, 'hq-att-files') });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  print({ url, key });
  process.stdin.resume();
  process.stdin.on('end', () => {
    void app.close().then(async () => {
      await db.close();
      print({ maxRssMb: peakRssMb() });
    });
  });
}

async function branch(file: string, url: string, key: string): Promise<void> {
  const { db } = openDatabase(file);
  const ctx = createContext(db);
  const transport = new HttpTransport({ url, branch: BRANCH, key });
  const t0 = performance.now();
  let bytes = 0;
  let runs = 0;
  // As the scheduler would: run after run (each within its budget) until nothing waits.
  while (attachmentsWaiting(db).count > 0 && runs < 100) {
    const r = await syncOnce({ ctx, branch: BRANCH, transport });
    bytes += r.attachments?.bytesSent ?? 0;
    runs++;
  }
  const seconds = (performance.now() - t0) / 1000;
  print({ seconds, bytes, runs, waiting: attachmentsWaiting(db).count, maxRssMb: peakRssMb() });
  db.close();
}

const [mode, a, b, c] = process.argv.slice(2);
if (mode === 'hq') await hq(a as string);
else if (mode === 'branch') await branch(a as string, b as string, c as string);
else throw new Error(`unknown mode ${mode}`);
