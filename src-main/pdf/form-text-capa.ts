// The record form's 纠正预防措施 lines (issue 18 §1): responsible, action, due date, done, effect confirmed;
// Simplified Chinese and English, part of FormText.

export interface CapaFormText {
  section: string;
  none: string;
  responsible: string;
  due: string;
  state: { open: string; done: string; confirmed: string };
  done: string;
  confirmed: string;
  returned: (count: number) => string;
}

export const CAPA_FORM_ZH: CapaFormText = {
  section: '纠正预防措施',
  none: '无',
  responsible: '责任人员/单位',
  due: '完成期限',
  state: { open: '待完成', done: '待效果确认', confirmed: '效果已确认' },
  done: '完成',
  confirmed: '效果确认',
  returned: (n) => `退回 ${n} 次`,
};

export const CAPA_FORM_EN: CapaFormText = {
  section: 'Corrective and preventive actions',
  none: 'None',
  responsible: 'Responsible',
  due: 'Due',
  state: { open: 'To do', done: 'Awaiting confirmation', confirmed: 'Effect confirmed' },
  done: 'Done',
  confirmed: 'Effect confirmed',
  returned: (n) => `sent back ${n}×`,
};
