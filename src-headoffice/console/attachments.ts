// The console's attachments (contract-attachments.ts): a case's list as one reviewer may see it, and
// their bytes from the attachment store. Rule: ID copies and recordings (RESTRICTED_ATTACHMENT_KINDS)
// are listed to every reviewer as existing, but their name and bytes only to a reviewer with
// reviewers.sees_restricted = 1; the bytes are served only when head office holds them whole.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RESTRICTED_ATTACHMENT_KINDS, type AttachmentKind } from '../../src-main/shared/attachment-types';
import { refuse } from '../../src-main/shared/errors';
import type { AttachmentStore } from '../attachment-store';
import type { ZodTypeProvider } from '../route-schemas';
import type { HqQuery } from '../store';
import { CaseParams } from './api-contract';
import {
  ATTACHMENT_PATHS,
  AttachmentParams,
  attachmentFilePath,
  type CaseAttachmentsAnswer,
  type ConsoleAttachment,
} from './contract-attachments';
import type { Session } from './sessions';

type Row = {
  branch: string;
  id: string;
  owner_type: 'case' | 'slip';
  owner_id: string;
  case_id: string | null;
  kind: AttachmentKind;
  mime: string;
  name: string;
  sha256: string;
  size: number;
  width: number | null;
  height: number | null;
  thumb_sha256: string | null;
  added_at: number;
  added_by_name: string;
  voided_at: number | null;
  voided_by_name: string | null;
  void_reason: string | null;
};

const num = (v: number | null): number | null => (v === null ? null : Number(v));
const isRestricted = (kind: AttachmentKind) => RESTRICTED_ATTACHMENT_KINDS.includes(kind);

/** Whether the reviewer may open ID copies and recordings. */
export async function seesRestricted(db: HqQuery, username: string): Promise<boolean> {
  const r = await db.get<{ s: number }>('SELECT sees_restricted AS s FROM reviewers WHERE username = ?', [username]);
  return Number(r?.s ?? 0) === 1;
}

/** Allows or withdraws a reviewer's access to ID copies and recordings; false when there is no such reviewer. */
export async function setSeesRestricted(db: HqQuery, username: string, on: boolean): Promise<boolean> {
  return (await db.run('UPDATE reviewers SET sees_restricted = ? WHERE username = ?', [on ? 1 : 0, username])) === 1;
}

function viewOf(r: Row, sees: boolean, store: AttachmentStore | null): ConsoleAttachment {
  const restricted = isRestricted(r.kind) && !sees;
  const held = store?.has(r.sha256) ?? false;
  const thumbHeld = r.thumb_sha256 !== null && (store?.has(r.thumb_sha256) ?? false);
  return {
    branch: r.branch,
    id: r.id,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    caseId: r.case_id,
    kind: r.kind,
    name: restricted ? null : r.name,
    mime: r.mime,
    size: Number(r.size),
    width: num(r.width),
    height: num(r.height),
    hasThumb: r.thumb_sha256 !== null,
    addedAt: Number(r.added_at),
    addedByName: r.added_by_name,
    voidedAt: num(r.voided_at),
    voidedByName: r.voided_by_name,
    voidReason: r.void_reason,
    restricted,
    held,
    fileUrl: !restricted && held ? attachmentFilePath(r.branch, r.id, 'file') : null,
    thumbUrl: !restricted && thumbHeld ? attachmentFilePath(r.branch, r.id, 'thumb') : null,
  };
}

/** A case's attachments (its own and its slips'), oldest first, as this reviewer may see them. */
export async function caseAttachments(
  db: HqQuery,
  store: AttachmentStore | null,
  branch: string,
  caseId: string,
  username: string,
): Promise<CaseAttachmentsAnswer> {
  const sees = await seesRestricted(db, username);
  const rows = await db.all<Row>(
    'SELECT * FROM hq_attachments WHERE branch = ? AND (case_id = ? OR (owner_type = ? AND owner_id = ?)) ORDER BY added_at, id',
    [branch, caseId, 'case', caseId],
  );
  return { attachments: rows.map((r) => viewOf(r, sees, store)), seesRestricted: sees };
}

const notHeld = () =>
  refuse(
    'NOT_FOUND',
    '总部还没有收到这个附件的文件(门店下次同步时上传)',
    "Head office does not hold this attachment's file yet (the branch sends it at its next sync)",
  );

/** GET file and thumb: the bytes, streamed, to a signed-in reviewer allowed to see the attachment's kind. */
export function attachmentConsoleRoutes(
  plain: FastifyInstance,
  o: { store: HqQuery; attachments: AttachmentStore | null; session: (req: FastifyRequest) => Session },
): void {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const open = { config: { rateLimit: false } };
  app.get(ATTACHMENT_PATHS.caseAttachments, { ...open, schema: { params: CaseParams } }, async (req) =>
    caseAttachments(o.store, o.attachments, req.params.branch, req.params.id, o.session(req).reviewer.username),
  );
  for (const variant of ['file', 'thumb'] as const)
    app.get(ATTACHMENT_PATHS[variant], { ...open, schema: { params: AttachmentParams } }, async (req, reply) => {
      const r = await o.store.get<Row>('SELECT * FROM hq_attachments WHERE branch = ? AND id = ?', [
        req.params.branch,
        req.params.id,
      ]);
      if (!r) throw refuse('NOT_FOUND', '总部没有这个附件', 'Head office has no such attachment');
      if (isRestricted(r.kind) && !(await seesRestricted(o.store, o.session(req).reviewer.username)))
        throw refuse(
          'FORBIDDEN',
          '身份证复印件和录音只有获准查看个人信息的审核人员可以打开',
          'ID copies and recordings open only for reviewers allowed to see personal data',
        );
      const sha = variant === 'file' ? r.sha256 : r.thumb_sha256;
      if (sha === null || !o.attachments?.has(sha)) throw notHeld();
      const type = variant === 'file' ? r.mime : 'image/jpeg';
      const name = variant === 'file' ? r.name : `thumb-${r.id}.jpg`;
      return reply
        .type(type)
        .header('content-length', String(o.attachments.size(sha)))
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(o.attachments.stream(sha));
    });
}
