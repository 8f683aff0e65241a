// What the branch shows of head office's cross-branch flags (issue 18 §4): double refunds.

/** One receipt + item returned at two branches or more, with every slip of it (this branch's among them). */
export interface DoubleRefund {
  receiptKey: string;
  itemCode: string;
  slips: { branch: string; number: string; handledAt: number }[];
}

export interface DoubleRefundsView {
  /** When head office computed the list; null before the first sync that brought one. */
  asOf: number | null;
  /** Each with this branch's slips of it that the user may open. */
  refunds: (DoubleRefund & { localSlips: { id: string; number: string }[] })[];
}
