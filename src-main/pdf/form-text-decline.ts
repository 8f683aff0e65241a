// The words of the 不予受理告知书 (notice to the customer that the branch does not accept the complaint,
// SPEC §12, seed 004 "决定不予受理,并将理由书面告知"), in Simplified Chinese (as it is handed over) and
// English (to check it); part of FormText. The acceptance lines of the record form too.

export interface DeclineNoticeText {
  /** Which of a decided case's reason words to print (the case keeps both). */
  lang: 'zh' | 'en';
  title: string;
  /** "Case no." beside the case number in the header. */
  ourNumber: string;
  /** The salutation: the customer's name, or a neutral one for an anonymous case. */
  salutation: (customer: string | null) => string;
  /** The opening paragraph: what was received and when. */
  opening: (a: { receivedOn: string; number: string }) => string;
  matter: string;
  decision: string;
  /** The decision in one sentence, with the reason chosen from the list. */
  decisionText: (reason: string) => string;
  reasonInWords: string;
  referTo: string;
  /** The paragraph that tells where to turn, with the body named. */
  referText: (body: string) => string;
  closing: string;
  seal: string;
  signHandler: string;
  contactPhone: string;
  /** The customer's receipt line and its date. */
  received: string;
  receivedOn: string;
  /** The record form's acceptance lines. */
  accepted: string;
  notAccepted: string;
  acceptedBy: string;
  declinedBy: string;
  reason: string;
  referToShort: string;
}

export const DECLINE_NOTICE_ZH: DeclineNoticeText = {
  lang: 'zh',
  title: '不予受理告知书',
  ourNumber: '编号',
  salutation: (customer) => (customer ? `${customer} 先生/女士:` : '尊敬的顾客:'),
  opening: (a) => `您于 ${a.receivedOn} 向我店提出的顾客异议(登记编号 ${a.number})已收悉。经审查,现将处理决定告知如下:`,
  matter: '一、异议事项',
  decision: '二、处理决定',
  decisionText: (reason) => `因${reason},我店决定不予受理。`,
  reasonInWords: '理由',
  referTo: '三、您可以向以下部门反映',
  referText: (body) => `如您对上述事项仍有异议,可向${body}反映。`,
  closing: '特此告知。感谢您对我店的信任与支持。',
  seal: '(盖章)',
  signHandler: '经办人',
  contactPhone: '联系电话',
  received: '顾客签收',
  receivedOn: '签收日期',
  accepted: '受理',
  notAccepted: '不予受理',
  acceptedBy: '受理人',
  declinedBy: '决定人',
  reason: '原因',
  referToShort: '可向其反映的部门',
};

export const DECLINE_NOTICE_EN: DeclineNoticeText = {
  lang: 'en',
  title: 'Notice of non-acceptance',
  ourNumber: 'No.',
  salutation: (customer) => (customer ? `Dear ${customer},` : 'Dear customer,'),
  opening: (a) =>
    `We received the objection you raised with our branch on ${a.receivedOn} (registration no. ${a.number}). Having examined it, we inform you of our decision as follows:`,
  matter: '1. The matter',
  decision: '2. Decision',
  decisionText: (reason) => `Reason: ${reason}. The branch does not accept the complaint.`,
  reasonInWords: 'Grounds',
  referTo: '3. Where you may turn',
  referText: (body) => `If you still object, you may raise the matter with: ${body}.`,
  closing: 'We thank you for your trust and support.',
  seal: '(seal)',
  signHandler: 'Handled by',
  contactPhone: 'Telephone',
  received: 'Received by the customer',
  receivedOn: 'Date',
  accepted: 'Accepted',
  notAccepted: 'Not accepted',
  acceptedBy: 'Accepted by',
  declinedBy: 'Decided by',
  reason: 'Reason',
  referToShort: 'Competent body',
};
