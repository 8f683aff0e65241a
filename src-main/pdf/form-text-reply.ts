// The words of the 书面答复函 (the branch's written reply to the government body that forwarded a
// case, procedure 3), in Simplified Chinese (as it is sent) and English (to check it); part of FormText.

export interface ReplyLetterText {
  title: string;
  /** "Our no." beside the case number in the header. */
  ourNumber: string;
  /** The opening paragraph: what was received, from whom, under which reference, and when the branch took it in. */
  opening: (a: { customer: string; referenceNo: string; number: string; receivedOn: string }) => string;
  anonymousCustomer: string;
  complaint: string;
  facts: string;
  finding: string;
  cause: string;
  handling: string;
  handlingUnit: string;
  resolutionType: string;
  resolvedOn: string;
  result: string;
  amount: string;
  slips: string;
  customerFeedback: string;
  notRecorded: string;
  closing: string;
  /** The seal line under the branch's name. */
  seal: string;
  signHead: string;
  signHandler: string;
  contactPhone: string;
}

export const REPLY_LETTER_ZH: ReplyLetterText = {
  title: '书面答复函',
  ourNumber: '我店受理编号',
  opening: (a) =>
    `贵单位转来的顾客${a.customer}投诉件(来文编号:${a.referenceNo})已收悉。我店于 ${a.receivedOn} 受理(受理编号 ${a.number}),经调查核实,现将处理情况答复如下:`,
  anonymousCustomer: '(匿名)',
  complaint: '一、投诉事项',
  facts: '二、调查核实情况',
  finding: '调查结论',
  cause: '原因归属',
  handling: '三、处理经过',
  handlingUnit: '处理单位',
  resolutionType: '处理方式',
  resolvedOn: '处理日期',
  result: '四、处理结果',
  amount: '涉及金额',
  slips: '退换货单',
  customerFeedback: '顾客反馈',
  notRecorded: '(尚未登记)',
  closing: '特此函复。如有疑问,请与我店联系。',
  seal: '(盖章)',
  signHead: '负责人签字',
  signHandler: '经办人签字',
  contactPhone: '联系电话',
};

export const REPLY_LETTER_EN: ReplyLetterText = {
  title: 'Written reply',
  ourNumber: 'Our case no.',
  opening: (a) =>
    `We have received the complaint of customer ${a.customer} that you forwarded to us (your reference ${a.referenceNo}). We took it in on ${a.receivedOn} (case no. ${a.number}) and, having investigated it, reply as follows:`,
  anonymousCustomer: '(anonymous)',
  complaint: '1. The complaint',
  facts: '2. What the investigation found',
  finding: 'Finding',
  cause: 'Cause',
  handling: '3. How it was handled',
  handlingUnit: 'Handling unit',
  resolutionType: 'Resolution',
  resolvedOn: 'Resolved on',
  result: '4. The result',
  amount: 'Amount',
  slips: 'Return/exchange slips',
  customerFeedback: "Customer's feedback",
  notRecorded: '(not recorded yet)',
  closing: 'We hope this answers your enquiry; please contact us with any question.',
  seal: '(seal)',
  signHead: 'Signed by the manager',
  signHandler: 'Handled by',
  contactPhone: 'Contact phone',
};
