// The words of offering choices on screen (issue 21 §3): the resolve form's options offered and the one
// chosen, and the case screen's line for them; zh-CN first, en. Kind labels from the shared vocabulary.
// Merged into the main catalogue by i18n/index.ts under `offer`.
import { vocabularyIn } from '../../src-main/shared/i18n/vocabulary';
import { OFFER_WORDS } from '../../src-main/shared/i18n/vocabulary-offer';

export const offerZhCN = {
  offer: {
    heading: OFFER_WORDS.heading.zh,
    hint: '可选:提出最佳方案和一个替代方案,记下顾客选了哪一个(最多 5 个)',
    kind: '方案类型',
    kindLabel: vocabularyIn('zh').offerKind,
    text: '方案内容',
    amount: '金额(元)',
    chosen: OFFER_WORDS.chosen.zh,
    chooseThis: '顾客选择了方案 {{n}}',
    noneAccepted: OFFER_WORDS.noneAccepted.zh,
    note: '未接受原因',
    add: '添加方案',
    remove: '删除方案 {{n}}',
    removeShort: '删除',
    option: '方案 {{n}}',
    none: '未记录',
    summary: {
      title: '方案被接受',
      offered: '提供了方案的个案',
      accepted: '顾客接受其中一个方案',
      firstChosen: '选择了首个方案',
      chosenKind: '选择:{{kind}}',
    },
  },
};

export const offerEn: typeof offerZhCN = {
  offer: {
    heading: OFFER_WORDS.heading.en,
    hint: 'Optional: propose the best solution and an alternative, and note which one the customer chose (at most 5)',
    kind: 'Kind',
    kindLabel: vocabularyIn('en').offerKind,
    text: 'Words',
    amount: 'Amount (¥)',
    chosen: OFFER_WORDS.chosen.en,
    chooseThis: 'The customer chose option {{n}}',
    noneAccepted: OFFER_WORDS.noneAccepted.en,
    note: 'Why none was accepted',
    add: 'Add an option',
    remove: 'Remove option {{n}}',
    removeShort: 'Remove',
    option: 'Option {{n}}',
    none: 'Not recorded',
    summary: {
      title: 'Options accepted',
      offered: 'Cases with options offered',
      accepted: 'The customer accepted one of them',
      firstChosen: 'Chose the first option offered',
      chosenKind: 'Chose: {{kind}}',
    },
  },
};
