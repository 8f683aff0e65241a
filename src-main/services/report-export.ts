// The summary as a file: PDF (with its charts), CSV (UTF-8 with a byte-order mark, so that
// Excel in China opens it as UTF-8 and not GBK), and a spreadsheet with one sheet per
// section, numbers as numbers and money as yuan with two decimals.
// The writers live in src-main/pdf/summary-files.ts (pure, shared with head office's console).
export * from '../pdf/summary-files';
