// The branch's device settings that the services read (SPEC §4, §3). The settings store
// (electron-store) persists them; this schema is the single definition of their shape.
import { z } from 'zod';
import { DEFAULT_DECLINE_REASONS, DeclineReasonList } from './decline-reasons';
import { CHANNELS, ROLES, SIGN_OFF_POLICIES } from './enums';
import { AMOUNT_CEILING_FEN, DEFAULT_MAX_AMOUNT_FEN } from './money-input';

/** The chain's receipt format by default: "R" + the 8-digit date before the serial, as in R20261120-0042. */
export const DEFAULT_RECEIPT_SERIAL_START = 9;

const HourMinute = z.string().refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), {
  params: { zh: '须为 HH:mm 格式', en: 'must be HH:mm' },
});

export const BranchSettingsSchema = z.strictObject({
  branchCode: z.string().refine((v) => /^[A-Z0-9]{2,8}$/.test(v), {
    params: { zh: '须为 2–8 位大写字母或数字', en: 'must be 2–8 capital letters or digits' },
  }),
  branchName: z.string().trim().min(1).max(50),
  timeZone: z.string().refine(
    (v) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: v });
        return true;
      } catch {
        return false;
      }
    },
    { params: { zh: '不是有效的时区', en: 'is not a valid time zone' } },
  ),
  businessHours: z.strictObject({ open: HourMinute, close: HourMinute }),
  governmentReplyDays: z.number().int().min(1).max(30),
  /** Issue 21 §2: the government reply days count working days of the working calendar (12315 rules) or calendar days. */
  governmentDayCount: z.enum(['working', 'calendar']).default('working'),
  /** What a satisfied case needs before it can be filed, per channel. */
  signOff: z.record(z.enum(CHANNELS), z.enum(SIGN_OFF_POLICIES)),
  /** The soon-due window for the home screen, in hours. */
  dueSoonHours: z.number().int().min(1).max(72),
  /** Approval authority for return/exchange slips (核决权限, SPEC §5), in fen; managers have no limit. */
  approvalLimits: z.strictObject({ clerkFen: z.number().int().min(0), supervisorFen: z.number().int().min(0) }),
  /** Mask the customer's phone on customer-facing copies (SPEC §7). */
  maskPhoneOnCustomerCopy: z.boolean(),
  /** Paper for the return/exchange slip; the other forms are always A4. */
  slipPaper: z.enum(['A4', 'A5']),
  /** The highest amount one amount field accepts, in fen (default ¥1,000,000). */
  maxAmountFen: z.number().int().min(100).max(AMOUNT_CEILING_FEN).default(DEFAULT_MAX_AMOUNT_FEN),
  /** Unit staff see every unit's cases in queues and search (default: their own unit's only). */
  unitStaffSeeAllUnits: z.boolean().default(false),
  /** The follow-ups (回访) proposed after feedback: one entry per follow-up, the days after feedback it is due (default one, 3 days later). */
  followUpDays: z
    .array(z.number().int().min(1).max(90))
    .max(5)
    .refine((d) => d.every((x, i) => i === 0 || x > (d[i - 1] as number)), {
      params: { zh: '每次回访的天数须比前一次多', en: 'each follow-up must come later than the one before' },
    })
    .default([3]),
  /** How many unreachable follow-ups (联系不上) allow filing the case as "customer unreachable" (default 2). */
  unreachableAttemptsToFile: z.number().int().min(1).max(10).default(2),
  /** The reasons offered for 不予受理 (SPEC §12), edited by the manager. */
  declineReasons: DeclineReasonList.default(DEFAULT_DECLINE_REASONS),
  /** Acknowledged outbox rows older than this many days move to the outbox archive (issue 16 §4; default 30). */
  outboxArchiveDays: z.number().int().min(7).max(3650).default(30),
  /** Issue 20 §2: a filed case's personal data is anonymised this many years after filing (default 3; head office may impose the chain's). */
  retentionYears: z.number().int().min(1).max(30).default(3),
  /** The chain's receipt format: characters (separators not counted) before the serial part whose leading zeros do not count; 0 = no serial part (default 9, R20261120-0042). */
  receiptSerialStart: z.number().int().min(0).max(40).default(DEFAULT_RECEIPT_SERIAL_START),
  /** Product flags (issue 18 §2): an item with at least this many complaints … (default 3) */
  productFlagMinCases: z.number().int().min(2).max(100).default(3),
  /** … received in this many days is flagged (default 30). */
  productFlagDays: z.number().int().min(1).max(366).default(30),
  /** Evidence attachments (issue 19): a file over this many MB is refused (default 20). */
  attachmentMaxMb: z.number().int().min(1).max(100).default(20),
  /** Keep the file as received beside the re-encoded image (default no: EXIF location and device data go). */
  attachmentKeepOriginals: z.boolean().default(false),
  /** issue 20 §1: the roles that may reveal a customer's phone, other contact and ID copies (others never get them from main). */
  personalDataRoles: z.array(z.enum(ROLES)).max(ROLES.length).default(['secretary', 'supervisor', 'manager']),
});
export type BranchSettings = z.infer<typeof BranchSettingsSchema>;

export const DEFAULT_BRANCH_SETTINGS: BranchSettings = {
  branchCode: 'SH01',
  branchName: '上海一店',
  timeZone: 'Asia/Shanghai',
  businessHours: { open: '09:00', close: '21:00' },
  governmentReplyDays: 5,
  governmentDayCount: 'working',
  signOff: {
    phone: 'head_office',
    in_store: 'head_office',
    government: 'manager',
    letter: 'head_office',
    online: 'head_office',
    email: 'head_office',
    other: 'head_office',
  },
  dueSoonHours: 4,
  approvalLimits: { clerkFen: 50_000, supervisorFen: 500_000 },
  maskPhoneOnCustomerCopy: true,
  slipPaper: 'A4',
  maxAmountFen: DEFAULT_MAX_AMOUNT_FEN,
  unitStaffSeeAllUnits: false,
  followUpDays: [3],
  unreachableAttemptsToFile: 2,
  declineReasons: DEFAULT_DECLINE_REASONS,
  outboxArchiveDays: 30,
  retentionYears: 3,
  receiptSerialStart: DEFAULT_RECEIPT_SERIAL_START,
  productFlagMinCases: 3,
  productFlagDays: 30,
  attachmentMaxMb: 20,
  attachmentKeepOriginals: false,
  personalDataRoles: ['secretary', 'supervisor', 'manager'],
};

/** Everything the device remembers: the branch settings above plus what only this PC needs. */
export const AppSettingsSchema = BranchSettingsSchema.extend({
  headOfficeUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  /** The manager's consent to an http:// head office on another computer (head-office-address.ts). */
  allowUnencrypted: z.boolean(),
  syncIntervalMinutes: z.number().int().min(1).max(1440),
  language: z.enum(['zh-CN', 'en']),
  printerName: z.string().max(200),
  lockAfterMinutes: z.number().int().min(1).max(120),
  /** The branch's sync key, encrypted by the operating system (safeStorage), base64. */
  syncKeyEncrypted: z.string().max(4096),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

export const DEFAULT_APP_SETTINGS: AppSettings = {
  ...DEFAULT_BRANCH_SETTINGS,
  headOfficeUrl: '',
  allowUnencrypted: false,
  syncIntervalMinutes: 15,
  language: 'zh-CN',
  printerName: '',
  lockAfterMinutes: 10,
  syncKeyEncrypted: '',
};

/** What a manager may change from the settings screen (the key has its own path). */
export const SettingsPatchSchema = AppSettingsSchema.omit({ syncKeyEncrypted: true }).partial().strict();

/** The branch's sync key as head office printed it (`npm run headoffice -- branch add CODE`). */
export const SyncKeyInput = z.strictObject({
  key: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9+/=_-]{32,512}$/.test(v), {
      params: { zh: '同步密钥格式不正确', en: 'is not a valid sync key' },
    }),
});
