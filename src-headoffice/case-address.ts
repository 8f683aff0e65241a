// How the CLI's and the admin route's 批示 name a case: by number (optionally with its branch)
// or by id (with its branch when the id is held by more than one). Never "the first match":
// an address held by two cases, or one whose branch is not the case's own, is refused.
import { refuse } from '../src-main/shared/errors';
import { parseNumber } from '../src-main/domain/numbering';
import type { HqQuery } from './store';

export type Target = { branch: string; id: string; number: string };

export interface CaseAddress {
  caseNumber?: string | undefined;
  caseId?: string | undefined;
  branch?: string | undefined;
}

const SELECT = "SELECT branch, id, case_number AS number, payload FROM records WHERE type = 'case'";

type Row = { branch: string; id: string; number: string | null; payload: string };

/** The case a row holds; one that lost its number to the unique constraint (migration 0010) keeps it in its snapshot. */
export function targetOf(r: Row): Target {
  if (r.number !== null) return { branch: r.branch, id: r.id, number: r.number };
  let number = '';
  try {
    const v: unknown = JSON.parse(r.payload);
    const n = typeof v === 'object' && v !== null ? (v as { number?: unknown }).number : undefined;
    if (typeof n === 'string') number = n;
  } catch {
    number = '';
  }
  return { branch: r.branch, id: r.id, number };
}

export const notReceived = (what: string) =>
  refuse(
    'NOT_FOUND',
    `总部尚未收到个案 ${what},请等门店同步后再批示`,
    `Head office has not received case ${what} yet; instruct it after the branch has synced`,
  );

const ambiguous = (what: string, branches: readonly string[]) =>
  refuse(
    'CONFLICT',
    `个案 ${what} 在总部有 ${branches.length} 个(门店 ${branches.join('、')}):请同时指明门店`,
    `Head office holds ${branches.length} cases ${what} (branches ${branches.join(', ')}): name the branch too`,
    [
      {
        field: 'branch',
        message: { zh: `请指明门店:${branches.join('、')}`, en: `Name the branch: ${branches.join(', ')}` },
      },
    ],
  );

const foreign = (what: string, held: string, named: string) =>
  refuse(
    'CONFLICT',
    `个案 ${what} 在总部属于门店 ${held},不是门店 ${named}:请核对门店后再批示`,
    `Case ${what} is held at head office for branch ${held}, not branch ${named}: check the branch and instruct again`,
    [{ field: 'branch', message: { zh: `个案属于门店 ${held}`, en: `The case belongs to branch ${held}` } }],
  );

/** The one case the address names; refused when it names none, two, or one of another branch. */
export async function caseAtAddress(db: HqQuery, a: CaseAddress): Promise<Target> {
  if ((a.caseNumber === undefined) === (a.caseId === undefined))
    throw refuse(
      'VALIDATION',
      '请给出个案编号或个案 id 之一(不能都给,也不能都不给)',
      'Give either the case number or the case id (one of them, not both)',
      [{ field: 'caseNumber', message: { zh: '个案编号或个案 id 填一个', en: 'One of case number or case id' } }],
    );
  if (a.caseNumber !== undefined) {
    const number = a.caseNumber;
    const rows = await db.all<Row>(`${SELECT} AND case_number = ?`, [number]);
    const only = rows[0];
    if (!only) throw notReceived(a.branch ? `${a.branch}/${number}` : number);
    if (rows.length > 1)
      throw ambiguous(
        number,
        rows.map((r) => r.branch),
      );
    if (a.branch !== undefined && a.branch !== only.branch) throw foreign(number, only.branch, a.branch);
    // A number names its branch: held for another one, it came from a misconfigured PC.
    const own = parseNumber(number)?.branchCode;
    if (own !== undefined && own !== only.branch) throw foreign(number, only.branch, own);
    return targetOf(only);
  }
  const id = a.caseId as string;
  const rows =
    a.branch === undefined
      ? await db.all<Row>(`${SELECT} AND id = ?`, [id])
      : await db.all<Row>(`${SELECT} AND branch = ? AND id = ?`, [a.branch, id]);
  const only = rows[0];
  if (!only) throw notReceived(a.branch ? `${a.branch}/${id}` : id);
  if (rows.length > 1)
    throw ambiguous(
      id,
      rows.map((r) => r.branch),
    );
  return targetOf(only);
}
