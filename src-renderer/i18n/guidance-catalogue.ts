// The words of guided handling on screen (issue 21 §3): the side panel 处理步骤与话术 at intake and on the
// case, its keys, ticking a step, and the summary's "handling steps followed"; zh-CN first, en.
// Merged into the main catalogue by i18n/index.ts under `guide`.
export const guidanceZhCN = {
  guide: {
    title: '处理步骤与话术',
    show: '显示处理步骤与话术',
    hide: '收起',
    keys: '在备注或答复框中按 Alt+1…9 插入当前步骤的话术;点击话术也可插入',
    tickHint: '做完一步就勾选',
    readOnly: '此个案现在不能勾选步骤(已建档、不予受理或无权操作)',
    ticked: '{{name}} 于 {{at}} 勾选',
    progress: '已完成 {{done}}/{{total}} 步',
    atIntake: '登记时勾选的步骤随个案一起保存',
    phrases: '话术',
    insertN: '插入第 {{n}} 条话术(Alt+{{n}})',
    noTarget: '请先点一下要插入话术的输入框',
    inserted: '已插入话术',
    loading: '正在读取话术库…',
    libraryHq: '部本部话术库 第 {{version}} 版',
    libraryShipped: '随软件提供的话术库',
    done: '已勾选',
    none: '尚未勾选任何步骤',
    summary: {
      title: '处理步骤执行情况',
      allSteps: '按渠道全部步骤勾选的个案',
      step: '步骤',
      applicable: '适用个案',
      count: '勾选个案',
      share: '占比',
    },
  },
};

export const guidanceEn: typeof guidanceZhCN = {
  guide: {
    title: 'Handling steps and phrases',
    show: 'Show handling steps and phrases',
    hide: 'Hide',
    keys: 'In a note or reply box, Alt+1…9 inserts a phrase of the current step; clicking a phrase inserts it too',
    tickHint: 'Tick each step when it is done',
    readOnly: 'Steps cannot be ticked on this case now (filed, not accepted, or not yours to act on)',
    ticked: 'Ticked by {{name}} at {{at}}',
    progress: '{{done}} of {{total}} steps done',
    atIntake: 'Steps ticked at intake are saved with the case',
    phrases: 'Phrases',
    insertN: 'Insert phrase {{n}} (Alt+{{n}})',
    noTarget: 'First click the box the phrase should go into',
    inserted: 'Phrase inserted',
    loading: 'Reading the phrase library…',
    libraryHq: "Head office's phrase library, version {{version}}",
    libraryShipped: 'The phrase library shipped with the app',
    done: 'Ticked',
    none: 'No step ticked yet',
    summary: {
      title: 'Handling steps followed',
      allSteps: 'Cases with every step for their channel ticked',
      step: 'Step',
      applicable: 'Cases it applies to',
      count: 'Cases that ticked it',
      share: 'Share',
    },
  },
};
