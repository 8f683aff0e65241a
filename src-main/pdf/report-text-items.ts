// The summary's 按商品 (by item) table words (PDF, CSV, spreadsheet), zh-CN and en.
export interface ItemReportText {
  title: string;
  item: string;
  cases: string;
  founded: string;
  share: string;
  /** Under the table when it is cut. */
  more: (shown: number, total: number) => string;
  /** Under the table: cases record no brand or supplier. */
  note: string;
  /** Between the cut line and the note. */
  sep: string;
}

const ZH: ItemReportText = {
  title: '按商品',
  item: '商品(编码)',
  cases: '异议件数',
  founded: '其中属实/部分属实',
  share: '占比',
  more: (shown, total) => `仅列出前 ${shown} 项,共 ${total} 项`,
  note: '按条码/商品编码归并,无编码的按商品名称;异议单不记录品牌和供应商。',
  sep: '。',
};
const EN: ItemReportText = {
  title: 'By item',
  item: 'Item (code)',
  cases: 'Cases',
  founded: 'Of which founded or partly founded',
  share: 'Share',
  more: (shown, total) => `First ${shown} of ${total} items shown`,
  note: 'Counted by barcode/item code, else by item name; cases record no brand or supplier.',
  sep: '. ',
};

export const itemReportText = (lang: 'zh-CN' | 'en'): ItemReportText => (lang === 'en' ? EN : ZH);

/** An item as printed: its name, and its code in brackets when it has one. */
export const itemLabel = (name: string, code: string | null): string =>
  code && code !== name ? `${name} (${code})` : name;
