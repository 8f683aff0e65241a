// Head office in a child process for the kill tests: `node --import tsx hq-child.ts DIR KEY [KILL_AFTER_COMMITS]`,
// on the store HQ_TEST_BACKEND (sqlite | pg) names for DIR. Prints its URL. With
// KILL_AFTER_COMMITS it SIGKILLs itself right after that many imports commit and before
// their answer is sent: the branch never hears of the commit.
import { buildServer } from '../../src-headoffice/server';
import { backendNamed } from '../helpers/hq-backends';

const [dir, key, killAfter] = process.argv.slice(2) as [string, string, string | undefined];
const db = await backendNamed(process.env.HQ_TEST_BACKEND).open(dir);
await db.run('INSERT INTO branches (code, key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
  'SH01',
  key,
  Date.now(),
]);
let commits = 0;
const app = await buildServer({
  db,
  limits: { rateMax: 1_000_000 },
  afterCommit: () => {
    if (killAfter !== undefined && ++commits >= Number(killAfter)) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write(`${await app.listen({ host: '127.0.0.1', port: 0 })}\n`);
