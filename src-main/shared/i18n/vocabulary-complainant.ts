// The labels of the complainant's conduct recorded on a case (issue 18 §3, seed 004), zh-CN and en.
import type { Bilingual } from '../errors';
import type { ComplainantSign } from '../enums';

export const COMPLAINANT_SIGN_LABELS: Record<ComplainantSign, Bilingual> = {
  persists_after_rules: { zh: '告知规定后仍坚持', en: 'Persists after being told the rules' },
  pestering: { zh: '纠缠', en: 'Pestering' },
  fabricated_evidence: { zh: '伪造证据', en: 'Fabricated evidence' },
  rejected: { zh: '驳回', en: 'Rejected' },
};
