import { z } from 'zod';
import { QUEUES } from '../enums';
import { OptionalPhone, optionalText } from './common';

/** An opaque keyset cursor returned by the previous page. */
export const Cursor = z.string().max(200).optional();

export const QueueInput = z.strictObject({
  queue: z.enum(QUEUES),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: Cursor,
});

export const SearchInput = z.strictObject({
  query: z.string().trim().min(1).max(100),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: Cursor,
});

export const IntakeCheckInput = z.strictObject({
  phone: OptionalPhone,
  name: optionalText(50),
  receiptNo: optionalText(50),
});

/** What the clerk has typed so far; the intake notice matches each given field (issue 18 §3). */
export const IntakeMatchesInput = z.strictObject({
  phone: OptionalPhone,
  name: optionalText(50),
  receiptNo: optionalText(50),
});
