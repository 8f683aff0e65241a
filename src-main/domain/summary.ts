// The weekly/monthly summary (顾客异议处理月报表 / 周汇总, SPEC §8), one import for its callers:
// case facts (summary/case-facts.ts), the slip tallies (summary/slip-tally.ts), the builder and
// summarize() (summary/builder.ts), the periods and the shared shapes.
export * from './summary/case-facts';
export * from './summary/builder';
export * from './report-period';
export * from '../shared/summary-types';
