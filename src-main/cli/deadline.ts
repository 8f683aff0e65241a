// `deadline`: when a case received at a given time is due, and why (issue 21 §2) — by the store's working
// calendar (head office's years or the shipped ones, and the manager's local closures). The received
// time is typed in the branch's zone; the answer is printed in zh-CN, in English, then as one JSON line.
import { DateTime } from 'luxon';
import { createBranchApp } from '../app';
import { explainDeadline } from '../domain/deadlines';
import { deadlineMoveWords, reasonWords } from '../domain/deadline-words';
import { deadlineSettingsOf } from '../services/working-calendar-cache';
import { CHANNEL_LABELS } from '../shared/i18n/vocabulary-case';
import { CHANNELS, type Channel } from '../shared/enums';
import { refuse } from '../shared/errors';
import { BranchSettingsSchema, DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';
import { parseInput } from '../shared/validation';
import { EXIT, type Out, requireExistingFile } from './output';
import { openStore } from './store-open';

export interface DeadlineOptions {
  db: string;
  channel: string;
  received: string;
  nextDay?: boolean;
  /** working | calendar (default: the setting's default, working). */
  count?: string;
  /** Government reply days (default 5). */
  days?: number;
  /** The branch's time zone (default Asia/Shanghai). */
  zone?: string;
}

const isChannel = (v: string): v is Channel => (CHANNELS as readonly string[]).includes(v);

export function deadlineCommand(o: DeadlineOptions, out: Out): number {
  requireExistingFile(o.db);
  const channel = o.channel.trim();
  if (!isChannel(channel))
    throw refuse(
      'VALIDATION',
      `没有渠道 ${channel};可用:${CHANNELS.join('、')}`,
      `There is no channel ${channel}; one of: ${CHANNELS.join(', ')}`,
    );
  const settings = parseInput(BranchSettingsSchema, {
    ...DEFAULT_BRANCH_SETTINGS,
    ...(o.zone ? { timeZone: o.zone } : {}),
    ...(o.days ? { governmentReplyDays: o.days } : {}),
    ...(o.count ? { governmentDayCount: o.count } : {}),
  });
  const tz = settings.timeZone;
  const typed = o.received.trim();
  const received = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(typed)
    ? DateTime.fromISO(typed, { zone: tz })
    : null;
  if (!received?.isValid)
    throw refuse(
      'VALIDATION',
      `受理时间 ${typed} 无效,应如 2026-09-30T10:00(门店时区)`,
      `The received time ${typed} is not valid; type it like 2026-09-30T10:00 (the branch's zone)`,
    );
  const { db } = openStore(o.db);
  try {
    const { ctx } = createBranchApp({ db, settings: { branch: () => settings } });
    const s = deadlineSettingsOf(ctx);
    const extended = o.nextDay === true && channel !== 'government';
    const ex = explainDeadline({ channel, receivedAt: received.toMillis(), extendedToNextDay: extended }, s);
    const working = channel === 'government' && settings.governmentDayCount === 'working';
    const moved = deadlineMoveWords(ex, working ? settings.governmentReplyDays : null);
    const due = DateTime.fromMillis(ex.at, { zone: tz });
    const when = due.toFormat('yyyy-MM-dd HH:mm');
    const label = CHANNEL_LABELS[channel];
    const rule =
      channel === 'government'
        ? {
            zh: `${settings.governmentReplyDays} 个${working ? '工作日' : '自然日'}`,
            en: `${settings.governmentReplyDays} ${working ? 'working' : 'calendar'} days`,
          }
        : extended
          ? { zh: '次日办结', en: 'next day' }
          : { zh: '当日办结', en: 'same day' };
    out.line(`${label.zh},${received.toFormat('yyyy-MM-dd HH:mm')} 受理(${tz}),时限 ${rule.zh}`);
    out.line(`截止:${when}`);
    if (moved) out.line(`原因:${moved.zh}`);
    for (const d of ex.skipped) out.line(`  ${d.date} ${reasonWords(d.reason).zh}`);
    out.line(`${label.en}, received ${received.toFormat('yyyy-MM-dd HH:mm')} (${tz}), limit: ${rule.en}`);
    out.line(`Due: ${when}`);
    if (moved) out.line(`Why: ${moved.en}`);
    for (const d of ex.skipped) out.line(`  ${d.date} ${reasonWords(d.reason).en}`);
    out.line(
      JSON.stringify({
        channel,
        received: received.toISO({ suppressMilliseconds: true }),
        due: due.toISO({ suppressMilliseconds: true }),
        dueDay: ex.dueDay,
        calendarDayRule: ex.plainDay,
        count: channel === 'government' ? settings.governmentDayCount : null,
        skipped: ex.skipped.map((d) => ({ date: d.date, kind: d.reason.kind, why: reasonWords(d.reason) })),
      }),
    );
    return EXIT.ok;
  } finally {
    db.close();
  }
}
