// The console's product flags and notices (issue 18 §2): paths, request schemas and answers.
// Pure (zod and types) so that the console UI imports it too. Additive to api-contract.ts.
import { z } from 'zod';
import { CONSOLE_API } from './contract-base';

export const PRODUCT_PATHS = {
  flags: `${CONSOLE_API}/product-flags`,
  notices: `${CONSOLE_API}/notices`,
} as const;

const whole = (field: string, min: number, max: number, zh: string, en: string) =>
  z.coerce
    .number({ error: `${zh}须为整数 · ${en} must be a whole number` })
    .int(`${zh}须为整数 · ${en} must be a whole number`)
    .min(min, `${zh}至少 ${min} · ${en} must be at least ${min}`)
    .max(max, `${zh}至多 ${max} · ${en} must be at most ${max}`)
    .describe(field);

/** GET product-flags?minCases=3&days=30 (the defaults). */
export const ProductFlagsQuery = z.object({
  minCases: whole('minCases', 2, 1000, '投诉件数', 'The number of complaints').default(3),
  days: whole('days', 1, 366, '天数', 'The number of days').default(30),
});
export type ProductFlagsQuery = z.infer<typeof ProductFlagsQuery>;

export interface ProductFlagCase {
  branch: string;
  id: string;
  number: string;
  receivedAt: number;
  status: string;
  items: string | null;
}

export interface ProductFlagRow {
  key: string;
  label: string;
  name: string | null;
  cases: number;
  branches: { branch: string; cases: number }[];
  caseList: ProductFlagCase[];
}

export interface ProductFlagsAnswer {
  minCases: number;
  days: number;
  asOf: number;
  flags: ProductFlagRow[];
}

/** POST notices: every branch when `branches` is empty or absent. */
export const NoticeBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, '请填写通知标题 · Enter the notice title')
    .max(200, '标题至多 200 字 · At most 200 characters'),
  text: z
    .string()
    .trim()
    .min(1, '请填写通知内容 · Enter the notice text')
    .max(4000, '内容至多 4000 字 · At most 4,000 characters'),
  branches: z.array(z.string().trim().min(1).max(8)).max(500).optional(),
  itemKey: z.string().trim().min(1).max(300).optional(),
});
export type NoticeBody = z.infer<typeof NoticeBody>;

export interface NoticeBranchRow {
  branch: string;
  receivedAt: number | null;
  ack: { name: string; staffNo: string; role: string; at: number } | null;
}

export interface NoticeRowAnswer {
  noticeId: string;
  title: string;
  text: string;
  itemKey: string | null;
  reviewerName: string;
  sentAt: number;
  branches: NoticeBranchRow[];
}

export interface NoticesAnswer {
  notices: NoticeRowAnswer[];
}
