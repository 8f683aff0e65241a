// The summary's "handling steps followed" table words (PDF, CSV, spreadsheet; issue 21 §3), zh-CN and en.
export interface StepsReportText {
  title: string;
  allSteps: string;
  step: string;
  applicable: string;
  ticked: string;
}

const ZH: StepsReportText = {
  title: '处理步骤执行情况',
  allSteps: '按渠道全部步骤勾选的个案',
  step: '步骤',
  applicable: '适用个案',
  ticked: '勾选个案',
};
const EN: StepsReportText = {
  title: 'Handling steps followed',
  allSteps: 'Cases with every step for their channel ticked',
  step: 'Step',
  applicable: 'Cases it applies to',
  ticked: 'Cases that ticked it',
};

export const stepsReportText = (lang: 'zh-CN' | 'en'): StepsReportText => (lang === 'en' ? EN : ZH);
