// The words of 个人信息查询结果 / Personal data held (issue 20 §3), zh-CN and en; enum labels from the shared vocabulary.
import { vocabularyIn, type VocabularyLang } from '../shared/i18n/vocabulary';
import type { PersonCaseMatch } from '../shared/person-data-types';

export function personText(lang: VocabularyLang) {
  const v = vocabularyIn(lang);
  const zh = lang === 'zh';
  return {
    v,
    title: zh ? '个人信息查询结果' : 'Personal data held',
    colon: zh ? ':' : ': ',
    list: zh ? '、' : ', ',
    holder: zh ? '持有单位' : 'Held by',
    phone: zh ? '查询电话' : 'Phone',
    customerPhone: zh ? '电话' : 'Phone',
    note: zh ? '说明' : 'Note',
    generatedAt: zh ? '生成时间' : 'Generated',
    intro: zh
      ? '以下为本单位按上述电话号码查到的全部记录:顾客异议个案、退换货单、回访、证据附件(仅列出文件信息)以及含该号码的未提交表单。金额单位为元,时间为本单位所在时区。'
      : 'Every record held under the phone number above: complaint cases, return and exchange slips, follow-ups, evidence attachments (their details only) and unsubmitted forms holding the number. Amounts in yuan; times in the holder’s time zone.',
    counts: (n: { cases: number; slips: number; followUps: number; attachments: number; drafts: number }) =>
      zh
        ? `个案 ${n.cases} 件 · 退换货单 ${n.slips} 张 · 回访 ${n.followUps} 次 · 附件 ${n.attachments} 个 · 未提交表单 ${n.drafts} 份`
        : `${n.cases} cases · ${n.slips} slips · ${n.followUps} follow-ups · ${n.attachments} attachments · ${n.drafts} unsubmitted forms`,
    cases: zh ? '一、顾客异议个案' : '1. Complaint cases',
    slips: zh ? '二、退换货单' : '2. Return and exchange slips',
    followUps: zh ? '三、回访' : '3. Follow-ups',
    attachments: zh ? '四、证据附件' : '4. Evidence attachments',
    drafts: zh ? '五、未提交的表单' : '5. Unsubmitted forms',
    none: zh ? '无' : 'None',
    number: zh ? '编号' : 'Number',
    branch: zh ? '门店' : 'Branch',
    receivedAt: zh ? '受理时间' : 'Received',
    filedAt: zh ? '归档时间' : 'Filed',
    channel: zh ? '渠道' : 'Channel',
    status: zh ? '状态' : 'Status',
    category: zh ? '类别' : 'Category',
    name: zh ? '姓名' : 'Name',
    otherContact: zh ? '其他联系方式' : 'Other contact',
    anonymous: zh ? '匿名' : 'Anonymous',
    items: zh ? '购买商品' : 'Items bought',
    receiptNo: zh ? '小票号' : 'Receipt no.',
    amount: zh ? '购买金额' : 'Amount paid',
    content: zh ? '异议内容' : 'Complaint',
    expected: zh ? '顾客诉求' : 'What the customer asked for',
    resolution: zh ? '处理结果' : 'Resolution',
    resolutionAmount: zh ? '处理金额' : 'Amount',
    mentioned: zh
      ? '该个案仅提及此号码(非本人为顾客的个案),只列出编号与日期,不含他人信息。'
      : 'This case only mentions the number (someone else is its customer): its number and dates only, none of another person’s data.',
    matched: zh ? '查到原因' : 'Found by',
    match: {
      customer_phone: zh ? '顾客电话' : 'customer phone',
      customer_record: zh ? '顾客档案' : 'customer record',
      gov_contact_phone: zh ? '部门联系人电话' : 'government contact phone',
      text: zh ? '文字中提及' : 'mentioned in the text',
    } satisfies Record<PersonCaseMatch, string>,
    slipCols: zh
      ? ['单号', '类型', '状态', '办理时间', '小票号', '退回商品', '换出商品', '退款']
      : ['Number', 'Type', 'Status', 'Handled', 'Receipt', 'Returned', 'Issued', 'Refund'],
    followUpCols: zh
      ? ['个案编号', '应回访日', '完成时间', '结果', '备注']
      : ['Case', 'Due', 'Done', 'Outcome', 'Notes'],
    attachmentCols: zh
      ? ['所属', '类别', '文件名', '类型', '大小', '添加时间', '作废时间']
      : ['Belongs to', 'Kind', 'File name', 'Type', 'Size', 'Added', 'Voided'],
    draftCols: zh ? ['表单', '填写人工号', '保存时间'] : ['Form', 'Typed by (staff no.)', 'Saved'],
    form: (f: string) =>
      ({ intake: zh ? '登记表' : 'intake form', slip: zh ? '退换货单' : 'slip' })[f.split('.')[0] ?? f] ?? f,
    page: (n: number, total: number) => (zh ? `第 ${n} 页 / 共 ${total} 页` : `Page ${n} of ${total}`),
    continued: zh ? '(续)' : ' (continued)',
    fileName: (phoneTail: string, day: string) =>
      zh ? `个人信息查询结果-${phoneTail}-${day}` : `personal-data-${phoneTail}-${day}`,
  };
}

export type PersonText = ReturnType<typeof personText>;
