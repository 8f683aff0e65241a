// The summary's 纠正预防措施 table words (PDF, CSV, spreadsheet), zh-CN and en.
export interface CapaReportText {
  title: string;
  opened: string;
  done: string;
  confirmed: string;
  overdue: string;
}

const ZH: CapaReportText = {
  title: '纠正预防措施',
  opened: '本期制定',
  done: '本期完成',
  confirmed: '本期效果确认',
  overdue: '本期到期未按时完成',
};
const EN: CapaReportText = {
  title: 'Corrective and preventive actions',
  opened: 'Set in the period',
  done: 'Done in the period',
  confirmed: 'Effect confirmed in the period',
  overdue: 'Due in the period and not done on time',
};

export const capaReportText = (lang: 'zh-CN' | 'en'): CapaReportText => (lang === 'en' ? EN : ZH);
