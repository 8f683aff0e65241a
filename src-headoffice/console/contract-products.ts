// The console's product flags and notices (issue 18 §2): paths, request schemas and answers.
// Pure (zod and types) so that the console UI imports it too. Additive to api-contract.ts.
import { z } from 'zod';
import { CONSOLE_API } from './contract-base';

export const PRODUCT_PATHS = {
  flags: `${CONSOLE_API}/product-flags`,
  notices: `${CONSOLE_API}/notices`,
} as const;

/** GET product-flags?minCases=3&days=30 (the defaults). */
export const ProductFlagsQuery = z.object({
  minCases: z.coerce.number().int().min(2).max(1000).default(3),
  days: z.coerce.number().int().min(1).max(366).default(30),
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

/** POST notices: every branch when `branches` is empty or absent (field names labelled in CONSOLE_FIELD_LABELS). */
export const NoticeBody = z.strictObject({
  noticeTitle: z.string().trim().min(1).max(200),
  noticeText: z.string().trim().min(1).max(4000),
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
