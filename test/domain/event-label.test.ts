// The one place that words a case's event: a government case's feedback is 答复部门, a submission
// that went to the manager's review is 呈领导审核 (any channel), one to head office stays 报部本部;
// an older submission event without its destination is worded by what followed it.
import { describe, expect, it } from 'vitest';
import { eventLabel, eventWord, submittedTo, timelineWords } from '../../src-main/shared/event-label';
import { vocabularyIn } from '../../src-main/shared/i18n/vocabulary';

describe('eventWord / eventLabel', () => {
  it("words a government case's feedback as the reply to the body, other channels' as feedback", () => {
    expect(eventLabel('feedback', 'government')).toEqual({ zh: '答复部门', en: 'Replied to the body' });
    expect(eventLabel('feedback', 'phone')).toEqual({ zh: '反馈顾客', en: 'Fed back' });
    expect(eventWord('feedback', null)).toBe('feedback');
  });

  it('words a submission by where it went, whatever the channel', () => {
    const review = { zh: '呈领导审核', en: "Submitted for the manager's review" };
    expect(eventLabel('submit', 'government', 'awaiting_review')).toEqual(review);
    expect(eventLabel('submit', 'letter', 'awaiting_review')).toEqual(review);
    expect(eventLabel('submit', 'government', 'awaiting_instruction')).toEqual({
      zh: '报部本部',
      en: 'Submitted to head office',
    });
    expect(eventWord('submit', 'phone')).toBe('submit');
  });

  it('leaves the other kinds as they are and an unknown kind unworded', () => {
    expect(eventWord('resolve', 'government', 'resolved')).toBe('resolve');
    expect(eventWord('intake', 'government')).toBe('intake');
    expect(eventWord('teleport', 'phone')).toBeNull();
    expect(eventLabel('teleport', 'phone')).toBeNull();
  });

  it('has every word in both languages in the vocabulary the screens and forms are built from', () => {
    expect(vocabularyIn('zh').event.submit_review).toBe('呈领导审核');
    expect(vocabularyIn('en').event.feedback_government).toBe('Replied to the body');
  });
});

describe('submittedTo / timelineWords', () => {
  const ev = (kind: string, data: Record<string, unknown> | null = null) => ({ kind, data });

  it('takes the destination the event records', () => {
    expect(submittedTo([ev('submit', { to: 'awaiting_review' })], 0, 'filed')).toBe('awaiting_review');
    expect(submittedTo([ev('submit', { to: 'awaiting_instruction' })], 0, 'filed')).toBe('awaiting_instruction');
  });

  it('derives an older event’s destination from what followed, or the present status', () => {
    expect(submittedTo([ev('submit'), ev('note'), ev('review'), ev('file')], 0, 'filed')).toBe('awaiting_review');
    expect(submittedTo([ev('submit'), ev('instruction'), ev('file')], 0, 'filed')).toBe('awaiting_instruction');
    expect(submittedTo([ev('submit')], 0, 'awaiting_review')).toBe('awaiting_review');
    // A later submission's review says nothing about an earlier one.
    expect(submittedTo([ev('submit'), ev('submit'), ev('review')], 0, 'awaiting_review')).toBeNull();
    expect(submittedTo([ev('submit'), ev('file')], 0, 'filed')).toBeNull();
  });

  it('words a whole government timeline', () => {
    const events = [
      ev('intake'),
      ev('feedback', { bodyAnswer: 'no_objection' }),
      ev('submit', { to: 'awaiting_review' }),
      ev('review'),
    ];
    expect(timelineWords({ channel: 'government', status: 'awaiting_review', events })).toEqual([
      'intake',
      'feedback_government',
      'submit_review',
      'review',
    ]);
    expect(timelineWords({ channel: 'phone', status: 'filed', events: [ev('submit'), ev('instruction')] })).toEqual([
      'submit',
      'instruction',
    ]);
  });
});
