// What the screen 工作日历 receives (issue 21 §2): a year of the working calendar, who published it, and
// the branch's own closures. Pure types, shared by main and the renderer.
import type { CalendarYear } from './reference-data';

/** A day the manager closed the branch, in force. */
export interface LocalClosureView {
  id: string;
  date: string;
  reason: string;
  /** The manager's name. */
  addedBy: string;
  addedAt: number;
}

export interface CalendarYearView {
  year: number;
  /** The years the branch knows (shipped or from head office), for the year switch. */
  years: number[];
  /** null: no calendar for this year; every day follows the ordinary rule. */
  calendar: CalendarYear | null;
  /** Who published it at head office and when; null: shipped with the software (随软件提供). */
  published: { version: number; at: number; by: string; receivedVia: 'network' | 'file' } | null;
  /** The branch's closures in force in this year, by date. */
  localClosures: LocalClosureView[];
}
