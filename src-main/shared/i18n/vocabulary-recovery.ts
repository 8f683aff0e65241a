// The words of a branch store that is behind head office and of its recovery (src-main/sync/README.md), zh-CN and en.
import type { Bilingual } from '../errors';

export type RecoveryState = 'behind' | 'recovering';

/** The sync line's words (short: they share the line with the rest of the status). */
export const RECOVERY_STATE_LABELS: Record<RecoveryState, Bilingual> = {
  behind: { zh: '本机数据落后于总部,已停止上传', en: 'This PC is behind head office; uploading stopped' },
  recovering: { zh: '正在从总部恢复,完成前不上传', en: 'Restoring from head office; nothing is uploaded until done' },
};

/** What to do about it: said by a sync's refusal and the CLI, and on the line to all but the manager. */
export const RECOVERY_HINT: Bilingual = {
  zh: '可能从旧备份恢复或换了新电脑;请店长点"从总部恢复"',
  en: 'restored from an old backup, or a new PC; the manager must choose "Restore from head office"',
};
export const ASK_MANAGER: Bilingual = { zh: '请店长从总部恢复', en: 'ask the manager to restore' };

/** Why the store is behind, as the sync line and the CLI say it after the state's words. */
export const BEHIND_REASON_LABELS = {
  numbers: { zh: '总部已有更大的编号', en: 'head office holds higher numbers' },
  sequence: { zh: '总部已确认的记录多于本机', en: 'head office acknowledged more records than this PC has' },
  epoch: { zh: '总部有本店另一台电脑的数据', en: "head office holds another PC's data for this branch" },
  rewound: { zh: '总部拒收:内容与已收到的不同', en: 'head office refused: content differs from what it received' },
} as const satisfies Record<string, Bilingual>;
export type BehindReason = keyof typeof BEHIND_REASON_LABELS;

export const RECOVER_BUTTON: Bilingual = { zh: '从总部恢复', en: 'Restore from head office' };
export const RECOVER_CONFIRM: Bilingual = {
  zh: '将从总部下载本店的全部记录并合并到本机(本机较新的记录不会被覆盖),完成后恢复上传。继续?',
  en: "All of this branch's records will be downloaded from head office and merged here (newer records on this PC are kept); uploading then resumes. Continue?",
};
