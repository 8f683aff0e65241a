// The words of retention on screen (issue 20 §2): the manager's setting, and head office's value when
// it imposes one. zh-CN first, en. Merged into the main catalogue by i18n/index.ts under `settingsRetention`.
export const retentionZhCN = {
  settingsRetention: {
    title: '个人信息保留期限',
    years: '建档后保留年数',
    yearsHint:
      '1–30 年,默认 3 年。期满后每日自动匿名化:姓名、电话、其他联系方式、文字中的地址,身份证复印件和录音文件删除;个案编号、类别、结论、金额和统计保留。',
    imposed: '总部统一规定:建档后 {{years}} 年(本店设置 {{branch}} 年暂不生效)',
  },
};

export const retentionEn: typeof retentionZhCN = {
  settingsRetention: {
    title: 'Retention of personal data',
    years: 'Years kept after filing',
    yearsHint:
      '1–30 years, default 3. After that, personal data is anonymised daily: names, phones, other contacts, addresses in the text; ID copies and recordings are deleted. Case numbers, categories, findings, amounts and statistics stay.',
    imposed:
      'Set by head office for the chain: {{years}} years after filing (this branch’s {{branch}} years does not apply)',
  },
};
