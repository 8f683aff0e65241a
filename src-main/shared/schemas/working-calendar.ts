// Inputs of the working-calendar channels (issue 21 §2): the year view, and the manager's local closures.
import { z } from 'zod';
import { Id, LocalDate } from './common';

/** At least 2 characters (the validation messages say so in both languages). */
const reason = z.string().trim().min(2).max(200);

export const CalendarYearInput = z.strictObject({ year: z.number().int().min(2000).max(2100) });
export const LocalClosureAddInput = z.strictObject({ date: LocalDate, reason });
export const LocalClosureRemoveInput = z.strictObject({ id: Id, reason });
