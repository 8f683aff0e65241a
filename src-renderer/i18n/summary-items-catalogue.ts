// The words of the summary's 按商品 (by item) table on screen (issue 18 §2); zh-CN first, en.
// Merged into the main catalogue by i18n/index.ts under `summaryItems`.
export const summaryItemsZhCN = {
  summaryItems: {
    title: '按商品',
    item: '商品(编码)',
    cases: '异议件数',
    founded: '属实/部分属实',
    share: '占比',
    more: '仅列出前 {{shown}} 项,共 {{total}} 项',
    note: '按条码/商品编码归并,无编码的按商品名称;异议单不记录品牌和供应商。',
    empty: '本期异议未记录购买商品',
    sep: '。',
  },
};

export const summaryItemsEn: typeof summaryItemsZhCN = {
  summaryItems: {
    title: 'By item',
    item: 'Item (code)',
    cases: 'Cases',
    founded: 'Founded / partly',
    share: 'Share',
    more: 'First {{shown}} of {{total}} items shown',
    note: 'Counted by barcode/item code, else by item name; cases record no brand or supplier.',
    empty: 'No purchased item recorded on this period’s cases',
    sep: '. ',
  },
};
