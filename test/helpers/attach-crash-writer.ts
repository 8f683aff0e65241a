// Child process of the attachment crash test (test/services/attachment-crash.test.ts): prepares an
// attachment — checked, re-encoded, its blobs written and fsynced — then reports the file's sha256
// and waits before committing the row, so the parent can SIGKILL it exactly between the two.
//
// Usage: node --import tsx test/helpers/attach-crash-writer.ts <db file> <case id> <photo file>
import { readFileSync } from 'node:fs';
import { createBranchApp } from '../../src-main/app';
import { openDatabase } from '../../src-main/db/connection';
import { commitAttachment, prepareAttachment } from '../../src-main/services/attachment-intake';
import { listUsers } from '../../src-main/services/users';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';

const [file, caseId, photo] = process.argv.slice(2);
if (!file || !caseId || !photo) throw new Error('usage: attach-crash-writer <db file> <case id> <photo file>');

const { db } = openDatabase(file);
const { ctx } = createBranchApp({ db, settings: { branch: () => DEFAULT_BRANCH_SETTINGS } });
const actor = listUsers(ctx).find((u) => u.staffNo === 'C001');
if (!actor) throw new Error('no clerk C001 in the store');

const prepared = await prepareAttachment(ctx, actor, {
  owner: { type: 'case', id: caseId },
  kind: 'goods_photo',
  name: 'shoe.jpg',
  dataBase64: readFileSync(photo).toString('base64'),
});
if (!('fileSha' in prepared)) throw new Error('unexpected duplicate');
process.stdout.write(`written ${prepared.fileSha} ${prepared.thumbSha ?? '-'}\n`);
// The commit waits for a line on stdin the parent never sends: it kills the process here.
process.stdin.once('data', () => {
  commitAttachment(ctx, actor, prepared);
  process.stdout.write('committed\n');
  process.exit(0);
});
