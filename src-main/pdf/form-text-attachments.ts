// The record form's evidence lines (issue 19): the list of a case's attachments and the annex page of
// their images; Simplified Chinese and English, part of FormText (kind labels from the shared vocabulary).
import type { AttachmentKind } from '../shared/attachment-types';
import { vocabularyIn } from '../shared/i18n/vocabulary';

export interface AttachmentFormText {
  section: string;
  none: string;
  kind: Record<AttachmentKind, string>;
  cols: { kind: string; name: string; addedAt: string; addedBy: string; state: string };
  /** The name's cell of a kind the printer may not see (ID copy, recording for a clerk). */
  restricted: string;
  voided: (reason: string) => string;
  /** A slip's attachment in the case's list. */
  onSlip: string;
  annex: string;
  annexNote: string;
}

export const ATTACHMENT_FORM_ZH: AttachmentFormText = {
  section: '证据附件',
  none: '无',
  kind: vocabularyIn('zh').attachmentKind,
  cols: { kind: '类别', name: '文件名', addedAt: '添加时间', addedBy: '添加人', state: '状态' },
  restricted: '(仅秘书室、值班主管、店长可查看)',
  voided: (reason) => `已作废:${reason}`,
  onSlip: '退换货单',
  annex: '附页:证据图片',
  annexNote: '以下为本案图片附件的缩略图(已作废的、打印人无权查看的除外)。',
};

export const ATTACHMENT_FORM_EN: AttachmentFormText = {
  section: 'Evidence attached',
  none: 'None',
  kind: vocabularyIn('en').attachmentKind,
  cols: { kind: 'Kind', name: 'File', addedAt: 'Added', addedBy: 'By', state: 'State' },
  restricted: '(secretary office, supervisors and managers only)',
  voided: (reason) => `Voided: ${reason}`,
  onSlip: 'Slip',
  annex: 'Annex: evidence images',
  annexNote: "Thumbnails of the case's image attachments (voided ones, and those the printer may not see, left out).",
};
