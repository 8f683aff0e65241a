// What the branch's IT should do for each sync-health problem, in both languages. Only commands
// and screens that exist are named (README.md "Other commands", src-headoffice/README.md, the
// branch's 设置 → 总部同步); a refusal head office has not met before gets the general step.
import type { Bilingual } from '../../src-main/shared/errors';

const README = 'src-headoffice/README.md';

export const NEXT_STEPS: Record<string, Bilingual> = {
  REWOUND: {
    zh: `门店电脑的数据库是从旧备份恢复的(或是一台新电脑,或另一台电脑在以本店身份同步):总部已整批拒收,未覆盖任何数据,门店已停止上传。请店长在门店底部同步栏点“从总部恢复”(或门店 IT 执行 npm run cli -- recover --db 文件 --url 总部地址),门店会取回总部已有的本店记录、接着编号并恢复上传;若另一台电脑在用本店身份同步,先停用那台。详见 README.md 的“A lost, restored or new PC”与 ${README} 的“Exactly once”。`,
    en: `The branch PC's store was restored from an old backup (or it is a new PC, or another PC syncs as this branch): head office refused the whole batch, overwrote nothing, and the branch stopped uploading. The branch manager clicks "Restore from head office" on the sync line at the bottom (or branch IT runs npm run cli -- recover --db FILE --url HEAD_OFFICE): the branch takes back what head office holds of it, numbers on after it and uploads again. If another PC syncs as this branch, stop that one first. See "A lost, restored or new PC" in README.md and "Exactly once" in ${README}.`,
  },
  BAD_SIGNATURE: {
    zh: '总部验不过门店的签名:门店的同步密钥与总部登记的不一致。请在门店 设置 → 总部同步 重新输入总部发给本店的同步密钥(忘记时由总部 IT 重新登记本店并发新密钥)。',
    en: "Head office could not verify the branch's signature: the branch's sync key differs from the one head office registered. In the branch app, Settings → Head-office sync, enter the key head office gave this branch again (if lost, head-office IT registers the branch again and gives a new key).",
  },
  UNKNOWN_BRANCH: {
    zh: '总部没有登记这个门店代码。请核对门店 设置 → 总部同步 里的门店代码;确属新店时,由总部 IT 执行 npm run headoffice -- branch add 门店代码 登记并把密钥交给门店。',
    en: "Head office has no branch with this code. Check the branch code in the branch app's Settings → Head-office sync; for a new branch, head-office IT runs npm run headoffice -- branch add CODE and gives the printed key to the branch.",
  },
  CLOCK_SKEW: {
    zh: '门店电脑时钟与总部相差太大。门店会自动按总部时间重签;反复出现时,请门店 IT 校准电脑时间(开启自动对时)。',
    en: "The branch PC's clock is too far from head office's. The branch adopts head office's time and signs again by itself; if it keeps happening, branch IT sets the PC's clock right (turn on automatic time).",
  },
  NONCE_REUSED: {
    zh: '同一请求被重复发送(可能被转发或重放)。偶发可不处理;反复出现时,请检查是否有另一台电脑在用本店密钥同步,必要时由总部重新登记本店、换发密钥。',
    en: "The same request was sent twice (forwarded or replayed). Once is harmless; if it keeps happening, check whether another PC syncs with this branch's key, and if so have head office register the branch again with a new key.",
  },
  FOREIGN_BRANCH: {
    zh: '批次里写的门店或批次中记录所属的门店与签名的门店不同:门店代码和密钥不是同一家店的,或这台电脑的数据库是从另一家店拷来的。总部已整批拒收,未导入任何记录。请在门店 设置 → 总部同步 核对门店代码与密钥;数据库属于另一家店时,把它放回那家店,本店换用自己的数据库。',
    en: "The batch, or records in it, belong to another branch than the one that signed it: the branch code and key do not belong together, or this PC's store was copied from another branch. Head office refused the whole batch and imported nothing. Check the code and key in the branch app's Settings → Head-office sync; if the store belongs to another branch, take it back there and give this branch its own store.",
  },
  NUMBER_TAKEN: {
    zh: '批次里的个案编号在总部已属于另一个案(编号在各店之间唯一):总部已整批拒收。门店数据库可能在首次同步前从备份恢复,或另一台电脑在用本店代码登记。请店长在门店同步栏点“从总部恢复”(或 npm run cli -- recover),门店之后从总部已知的最大编号往后编号;若另一台电脑在用本店代码登记,先停用那台,再联系总部 IT 对照告警里的编号和门店核对。',
    en: 'A case number in the batch is already held at head office by another case (numbers are unique across branches): head office refused the whole batch. The branch store may have been restored from a backup taken before its first sync, or another PC registers cases under this branch\'s code. The branch manager clicks "Restore from head office" on the sync line (or npm run cli -- recover): the branch then numbers on after the highest number head office knows. If another PC registers cases under this branch\'s code, stop that one first, then call head-office IT to compare the number and branches named in the alert.',
  },
  DAMAGED: {
    zh: '批次在传输或拷贝中损坏,整批未导入。网络同步会自动重发;U 盘导入的文件请在门店重新执行 npm run cli -- export-batch 导出,再由总部 npm run headoffice -- import 文件 导入。',
    en: 'The batch was damaged in transit or on the stick; nothing of it was imported. Network sync resends by itself; for a USB file, export again at the branch with npm run cli -- export-batch and import it at head office with npm run headoffice -- import FILE.',
  },
  SCHEMA_TOO_NEW: {
    zh: '门店程序比总部新,总部读不懂它的记录格式,整批未导入。请总部 IT 把总部程序升级到与门店相同或更新的版本(不要给门店降级);升级后门店下次同步会被接收。',
    en: "The branch runs a newer program than head office, whose record format head office cannot read; nothing was imported. Head-office IT updates head office to the branch's version or newer (do not downgrade the branch); the branch's next sync is then accepted.",
  },
  PROTOCOL: {
    zh: '批次格式总部不认识(程序版本不一致)。请把门店与总部升级到同一版本,门店之后会自动重发。',
    en: 'Head office does not know the batch format (the programs differ in version). Update the branch and head office to the same release; the branch then resends by itself.',
  },
  TOO_LARGE: {
    zh: '批次超过总部接收上限,已拒收。请门店 IT 升级门店程序(它按页发送);仍被拒时联系总部 IT 调整接收上限。',
    en: "The batch exceeds head office's size limit and was refused. Branch IT updates the branch program (it sends in pages); if it is still refused, head-office IT raises the limit.",
  },
  QUARANTINE: {
    zh: '有记录未通过总部检查,已隔离(其余记录已导入);门店本地数据完好。请把门店程序版本告诉总部 IT,由总部 IT 查看隔离原因;修复后门店再次修改该记录时会重新发送。',
    en: "Some records failed head office's checks and were set aside (the rest was imported); the branch's own data is intact. Tell head-office IT the branch's program version so they can read the quarantine reasons; the record is sent again when the branch next changes it.",
  },
  SILENT: {
    zh: '门店已超过 24 小时没有同步。请门店 IT 确认门店电脑开机、能访问总部地址(总部 /healthz 可打开)、设置 → 总部同步 已开启;断网时用 npm run cli -- export-batch 导出到 U 盘,由总部 npm run headoffice -- import 文件 导入。',
    en: "The branch has not synced for over 24 hours. Branch IT checks that the PC is on, reaches head office (head office's /healthz opens) and Settings → Head-office sync is on; without a network, export to a USB stick with npm run cli -- export-batch and import at head office with npm run headoffice -- import FILE.",
  },
  NEVER_SYNCED: {
    zh: '门店已登记但从未同步。请把总部登记时给出的密钥交给门店,在门店 设置 → 总部同步 填入总部地址和密钥;或先用 U 盘:门店 npm run cli -- export-batch,总部 npm run headoffice -- import 文件。',
    en: "The branch is registered but has never synced. Give the branch the key printed when it was registered and enter head office's address and the key in the branch app's Settings → Head-office sync; or start by USB: npm run cli -- export-batch at the branch, npm run headoffice -- import FILE at head office.",
  },
  STALE_DATA: {
    zh: '门店发来的最新记录(按门店自己的时间)已超过 7 天:导入的可能是旧的导出文件,或在用的不是门店的工作电脑。请门店 IT 核对门店电脑日期,并在门店正在使用的电脑上重新执行 npm run cli -- export-batch;门店确实一周没有任何个案变化时,确认此提示即可。',
    en: "The newest record the branch sent (by the branch's own time) is over 7 days old: the import may be an old export, or not from the PC the branch works on. Branch IT checks the PC's date and runs npm run cli -- export-batch again on the PC in use; if the branch really changed no case for a week, acknowledge this.",
  },
  BACKLOG_GROWING: {
    zh: '门店待发送的记录比上次报告的更多:同步跟不上或一直被拒。请先处理上面的拒收问题,检查门店网络;积压较多时用 npm run cli -- export-batch 经 U 盘送到总部导入。',
    en: 'More records wait at the branch than at its previous report: sync cannot keep up or keeps being refused. Handle any refusal above first and check the branch network; with a large backlog, carry a USB batch (npm run cli -- export-batch) to head office and import it.',
  },
};

/** A refusal code head office does not know yet. */
const GENERAL: Bilingual = {
  zh: `总部拒收了门店的批次。请把此代码和时间告诉总部 IT,对照 ${README} 的拒收说明处理;门店会在网络错误、5xx 和 429 时自动重试。`,
  en: `Head office refused the branch's batch. Give head-office IT this code and time; the refusals are described in ${README}. The branch retries by itself only network errors, 5xx and 429.`,
};

export const nextStepOf = (kind: string): Bilingual => NEXT_STEPS[kind] ?? GENERAL;
