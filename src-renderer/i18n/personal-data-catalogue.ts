// The words of personal data on screen (issue 20 §1): the reveal button and its reason dialog, the
// manager's access log (个人信息访问记录) and the setting of who may reveal; zh-CN first, en.
// Merged into the main catalogue by i18n/index.ts under `pii` and `settingsPii`.
export const personalDataZhCN = {
  pii: {
    reveal: '显示完整信息',
    revealTitle: '查看顾客完整联系方式',
    revealNote: '查看将记入个人信息访问记录(谁、何时、查看了什么、理由)。请只在办理本案确有需要时查看。',
    reason: '查看理由',
    reasonShort: '请填写查看理由(至少 2 个字)',
    confirm: '显示',
    cancel: '取消',
    revealed: '已显示完整信息(已记录)',
    masked: '已遮盖',
    logTitle: '个人信息访问记录',
    logIntro: '每次查看完整联系方式、打印或导出个人信息都记录在此,并同步到总部。记录不可修改或删除。',
    from: '起始日期',
    to: '截止日期',
    user: '人员',
    action: '操作',
    all: '全部',
    when: '时间',
    who: '人员',
    what: '对象',
    fields: '内容',
    why: '理由',
    none: '没有符合条件的记录',
    branch: '门店',
    source: '记录于',
    sourceLabel: { head_office: '总部', branch: '门店' },
    hqIntro: '总部审核人员的查看记录于总部,各门店的访问记录随同步到达。只有可查看个人信息的审核人员可以阅读。',
    actionLabel: {
      reveal: '查看',
      print: '打印',
      export: '导出',
      person_export: '个人信息导出',
      person_anonymise: '提前匿名化',
      retention: '到期匿名化',
    },
    entityLabel: { case: '个案', slip: '退换货单', person: '个人', report: '报表' },
    fieldLabel: {
      customerPhone: '电话',
      customerOtherContact: '其他联系方式',
      id_copy: '身份证复印件',
    },
  },
  settingsPii: {
    title: '个人信息',
    roles: '可查看完整联系方式的角色',
    rolesHint:
      '这些角色可填写理由后查看顾客的完整电话、其他联系方式和身份证复印件;其余角色只能看到遮盖后的信息(如 138****5678)。',
  },
};

export const personalDataEn: typeof personalDataZhCN = {
  pii: {
    reveal: 'Show in full',
    revealTitle: "See the customer's full contact details",
    revealNote:
      'This is recorded in the personal-data access log (who, when, what, why). Only look when handling this case needs it.',
    reason: 'Reason',
    reasonShort: 'Give a reason (at least 2 characters)',
    confirm: 'Show',
    cancel: 'Cancel',
    revealed: 'Shown in full (recorded)',
    masked: 'Masked',
    logTitle: 'Personal-data access log',
    logIntro:
      'Every view of full contact details, every print or export of personal data is recorded here and synced to head office. Entries cannot be changed or deleted.',
    from: 'From',
    to: 'To',
    user: 'Staff',
    action: 'Action',
    all: 'All',
    when: 'When',
    who: 'Who',
    what: 'What',
    fields: 'Data',
    why: 'Reason',
    none: 'No entries match',
    branch: 'Branch',
    source: 'Recorded at',
    sourceLabel: { head_office: 'Head office', branch: 'Branch' },
    hqIntro:
      "Reviewers' views are recorded at head office; each branch's log arrives with sync. Only reviewers allowed personal data may read them.",
    actionLabel: {
      reveal: 'Viewed',
      print: 'Printed',
      export: 'Exported',
      person_export: "Person's data exported",
      person_anonymise: 'Anonymised early',
      retention: 'Anonymised (retention)',
    },
    entityLabel: { case: 'Case', slip: 'Slip', person: 'Person', report: 'Report' },
    fieldLabel: {
      customerPhone: 'Phone',
      customerOtherContact: 'Other contact',
      id_copy: 'ID copy',
    },
  },
  settingsPii: {
    title: 'Personal data',
    roles: 'Roles that may see full contact details',
    rolesHint:
      "These roles may see a customer's full phone, other contact and ID copies after giving a reason; the others see them masked (e.g. 138****5678).",
  },
};
