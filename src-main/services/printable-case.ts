// The case a printed form is made of, as its printer may see it: the print right, the case found, the
// form's own condition (`applies`, e.g. only a case not accepted), then the content of an anonymous case
// only for those who may read it. Shared by the record form, the 不予受理告知书 and the 书面答复函.
import { loadCase } from '../db/repositories/case-repo';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import type { CaseRecord } from '../shared/types';
import { mayReadContent } from './case-read';
import type { ServiceContext } from './context';

export function printableCase(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  applies: (c: CaseRecord) => void = () => undefined,
): CaseRecord {
  if (!can(actor.role, 'print')) throw refuse('FORBIDDEN', '您的角色无权打印', 'Your role may not print');
  const c = loadCase(ctx.db, caseId);
  if (!c) throw refuse('NOT_FOUND', '找不到该个案', 'Case not found');
  applies(c);
  if (!mayReadContent(actor, c))
    throw refuse(
      'FORBIDDEN',
      '匿名投诉的内容只有秘书室、值班主管和店长可以打印',
      'Only the secretary office, supervisors and managers may print an anonymous complaint',
    );
  return c;
}
