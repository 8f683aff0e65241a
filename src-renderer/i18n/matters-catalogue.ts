// The words of head office's cross-branch matter notice on the branch's case (issue 22 §4, part C);
// zh-CN first, en. Merged into the main catalogue by i18n/index.ts under `crossMatter`.
export const crossMatterZhCN = {
  crossMatter: {
    title: '总部:跨门店同一事项',
    linked: '同一事项也在其他门店处理:',
    at: '{{branch}} 门店,编号 {{number}}',
    linkedBy: '{{who}} 于 {{at}} 关联。本案仍由本店处理,编号、状态和时限不变。',
    unlinked: '总部已解除本案的跨门店关联',
    unlinkedBy: '{{who}} 于 {{at}} 解除,理由:{{reason}}',
  },
};

export const crossMatterEn: typeof crossMatterZhCN = {
  crossMatter: {
    title: 'Head office: one matter across branches',
    linked: 'The same matter is also handled at:',
    at: 'branch {{branch}} as {{number}}',
    linkedBy:
      'Linked by {{who}} at {{at}}. This branch keeps handling this case: its number, status and deadline are unchanged.',
    unlinked: 'Head office unlinked this case from the cross-branch matter',
    unlinkedBy: 'Unlinked by {{who}} at {{at}}; reason: {{reason}}',
  },
};
