// The case list's unit, late and waiting facts of a case snapshot (migration 0007): read leniently,
// so that a field of an unexpected shape leaves its fact empty instead of unlisting the case.
import { z } from 'zod';

const num = z.number().nullish().catch(null);
const str = z.string().min(1).nullish().catch(null);
const Promise_ = z.object({ promisedAt: z.number(), answeredAt: num, keptAt: num });
const Facts = z.object({
  complainedUnitId: str,
  handlingUnitId: str,
  counterResolvedAt: num,
  firstFedBackAt: num,
  submittedAt: num,
  promises: z
    .array(z.unknown())
    .nullish()
    .catch(null)
    .transform((ps) => (ps ?? []).flatMap((p) => Promise_.safeParse(p).data ?? [])),
});

export interface CaseListFacts {
  complainedUnit: string | null;
  handlingUnit: string | null;
  /** Resolved at the counter, else first fed back: when the handling limit was met or missed. */
  answeredAt: number | null;
  /** The earliest promised reply time not yet answered. */
  openPromiseAt: number | null;
  /** 1: a promise was answered after its time. */
  promiseLate: number;
  /** Since when it waits for a sign-off (submittedAt), else since it was received. */
  waitingSince: number;
}

export function caseListFacts(value: unknown, receivedAt: number): CaseListFacts {
  const f = Facts.safeParse(value).data;
  const promises = f?.promises ?? [];
  const open = promises.filter((p) => p.answeredAt == null && p.keptAt == null).map((p) => p.promisedAt);
  return {
    complainedUnit: f?.complainedUnitId ?? null,
    handlingUnit: f?.handlingUnitId ?? null,
    answeredAt: f?.counterResolvedAt ?? f?.firstFedBackAt ?? null,
    openPromiseAt: open.length ? Math.min(...open) : null,
    promiseLate: promises.some((p) => (p.answeredAt ?? p.keptAt ?? -Infinity) > p.promisedAt) ? 1 : 0,
    waitingSince: f?.submittedAt ?? receivedAt,
  };
}
