// The record form's 提供给顾客的方案 lines (issue 21 §3): the options offered and the one chosen; Simplified
// Chinese and English, part of FormText. Kind labels and the offer's words from the shared vocabulary.
import { vocabularyIn } from '../shared/i18n/vocabulary';
import { OFFER_WORDS } from '../shared/i18n/vocabulary-offer';
import type { OfferKind } from '../shared/resolution-offer';

export interface OfferFormText {
  section: string;
  kind: Record<OfferKind, string>;
  cols: { n: string; kind: string; text: string; amount: string; chosen: string };
  noneAccepted: string;
}

export const OFFER_FORM_ZH: OfferFormText = {
  section: OFFER_WORDS.heading.zh,
  kind: vocabularyIn('zh').offerKind,
  cols: { n: '序号', kind: '方案', text: '内容', amount: '金额', chosen: OFFER_WORDS.chosen.zh },
  noneAccepted: OFFER_WORDS.noneAccepted.zh,
};

export const OFFER_FORM_EN: OfferFormText = {
  section: OFFER_WORDS.heading.en,
  kind: vocabularyIn('en').offerKind,
  cols: { n: 'No.', kind: 'Option', text: 'Words', amount: 'Amount', chosen: OFFER_WORDS.chosen.en },
  noneAccepted: OFFER_WORDS.noneAccepted.en,
};
