// The branch's 方案被接受 for a summary period (issue 21 §3): the offers of the cases received in it, read
// through the partial index cases_offer (migration 0031) so the period's other cases are never touched.
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { tallyOffers } from '../domain/summary/offer-tally';
import { offerOfJson, type OfferSummary } from '../shared/resolution-offer';

export function offersReceivedIn(db: Db, from: number, to: number): OfferSummary {
  const rows = stmt(
    db,
    'SELECT resolution_offer AS o FROM cases WHERE received_at >= ? AND received_at < ? AND resolution_offer IS NOT NULL',
  ).all(from, to) as { o: string }[];
  return tallyOffers(rows.map((r) => offerOfJson(r.o)));
}
