// The sync-health rules: what is wrong with a branch now, each problem with its time, what
// happened, the next step for the branch's IT and whether a reviewer acknowledged it (an
// acknowledgement covers the problem up to its time; a later one raises it again).
import type { Bilingual } from '../../src-main/shared/errors';
import { type HealthProblem, SILENT_HOURS, STALE_DATA_DAYS } from './api-contract';
import { nextStepOf } from './health-next-steps';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What head office knows of one branch that the rules read. */
export interface HealthFacts {
  registeredAt: number;
  lastBatchAt: number | null;
  newestRecordAt: number | null;
  backlog: number | null;
  backlogPrev: number | null;
  backlogAt: number | null;
  /** The branch's last refusal (not a routine gap), and the newest REWOUND alert. */
  lastError: { code: string; message: Bilingual; at: number } | null;
  rewound: { message: Bilingual; at: number } | null;
  quarantined: number;
  quarantineAt: number | null;
  quarantineReason: string | null;
}

export interface HealthAck {
  kind: string;
  problemAt: number;
  username: string;
  name: string;
  ackedAt: number;
}

/**
 * The rules. REWOUND stays until acknowledged (a person must look); any other refusal is over
 * once a later batch was imported. Silent: no batch for SILENT_HOURS. Stale: the newest record's
 * own time older than STALE_DATA_DAYS, whatever the import time. Backlog growing: the branch
 * reported more waiting records than at its previous report.
 */
export function healthProblems(f: HealthFacts, acks: readonly HealthAck[], now: number): HealthProblem[] {
  const found: Omit<HealthProblem, 'nextStep' | 'acknowledged'>[] = [];
  const rewoundAt = Math.max(f.rewound?.at ?? -1, f.lastError?.code === 'REWOUND' ? f.lastError.at : -1);
  if (rewoundAt >= 0) {
    const message = f.rewound?.at === rewoundAt ? f.rewound.message : (f.lastError?.message ?? f.rewound?.message);
    if (message) found.push({ kind: 'REWOUND', at: rewoundAt, message });
  }
  const e = f.lastError;
  if (e && e.code !== 'REWOUND' && (f.lastBatchAt === null || f.lastBatchAt < e.at))
    found.push({ kind: e.code, at: e.at, message: e.message });
  if (f.quarantined > 0 && f.quarantineAt !== null) {
    const why = f.quarantineReason ?? '';
    found.push({
      kind: 'QUARANTINE',
      at: f.quarantineAt,
      message: {
        zh: `${f.quarantined} 条记录被隔离${why ? `,最近一条的原因:${why}` : ''}`,
        en: `${f.quarantined} record(s) quarantined${why ? `; the latest because: ${why}` : ''}`,
      },
    });
  }
  if (f.lastBatchAt === null) {
    found.push({
      kind: 'NEVER_SYNCED',
      at: f.registeredAt,
      message: { zh: '门店登记后从未同步', en: 'The branch has never synced since it was registered' },
    });
  } else if (now - f.lastBatchAt > SILENT_HOURS * HOUR) {
    const hours = Math.floor((now - f.lastBatchAt) / HOUR);
    found.push({
      kind: 'SILENT',
      at: f.lastBatchAt,
      message: { zh: `已 ${hours} 小时没有收到门店的批次`, en: `No batch from the branch for ${hours} hours` },
    });
  }
  if (f.newestRecordAt !== null && now - f.newestRecordAt > STALE_DATA_DAYS * DAY) {
    const days = Math.floor((now - f.newestRecordAt) / DAY);
    found.push({
      kind: 'STALE_DATA',
      at: f.newestRecordAt,
      message: {
        zh: `门店最新的记录是 ${days} 天前的(按门店时间),数据已陈旧`,
        en: `The branch's newest record is ${days} days old (branch time): its data is stale`,
      },
    });
  }
  if (f.backlog !== null && f.backlogPrev !== null && f.backlogAt !== null && f.backlog > f.backlogPrev)
    found.push({
      kind: 'BACKLOG_GROWING',
      at: f.backlogAt,
      message: {
        zh: `门店待发送 ${f.backlog} 条,上次报告为 ${f.backlogPrev} 条`,
        en: `${f.backlog} records wait at the branch, ${f.backlogPrev} at its previous report`,
      },
    });
  return found.map((p) => {
    const ack = acks.find((a) => a.kind === p.kind && a.problemAt >= p.at);
    return {
      ...p,
      nextStep: nextStepOf(p.kind),
      acknowledged: ack ? { username: ack.username, name: ack.name, at: ack.ackedAt } : null,
    };
  });
}
