// The words of evidence attachments (issue 19) shared by screen, print and head office: kinds, zh-CN and en.
import type { AttachmentKind } from '../attachment-types';
import type { Bilingual } from '../errors';

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, Bilingual> = {
  goods_photo: { zh: '商品照片', en: 'Photo of the goods' },
  receipt: { zh: '购物小票', en: 'Receipt' },
  id_copy: { zh: '身份证复印件', en: 'ID copy' },
  body_letter: { zh: '部门来函', en: "Body's letter" },
  recording: { zh: '录音', en: 'Recording' },
  other: { zh: '其他', en: 'Other' },
};
