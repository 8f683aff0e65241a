// The words of offering choices (issue 21 §3): the kinds of remedy a store offers, zh-CN and en, shared by
// the resolve form, the case screen, the record form, the console and the summary.
import type { Bilingual } from '../errors';
import type { OfferKind, ResolutionOffer } from '../resolution-offer';

export const OFFER_KIND_LABELS: Record<OfferKind, Bilingual> = {
  refund: { zh: '退货退款', en: 'Refund' },
  partial_refund: { zh: '部分退款', en: 'Partial refund' },
  exchange: { zh: '换货', en: 'Exchange' },
  repair: { zh: '维修', en: 'Repair' },
  discount: { zh: '折扣', en: 'Discount' },
  gift: { zh: '赠品或礼品', en: 'Gift or goods' },
  apology: { zh: '道歉并致谢', en: 'Apology with thanks' },
  personal_care: { zh: '专人跟进关怀', en: 'Personal care by a named staff member' },
  other: { zh: '其他', en: 'Other' },
};

/** The offer's own words: its heading, the chosen mark, and "none accepted". */
export const OFFER_WORDS = {
  heading: { zh: '提供给顾客的方案', en: 'Options offered to the customer' },
  chosen: { zh: '顾客选择', en: 'Chosen' },
  noneAccepted: { zh: '均未接受', en: 'None accepted' },
} satisfies Record<string, Bilingual>;

/** An offer in one line of words (the history, the audit trail): "换货 · 换同款;部分退款 · ¥120.50(顾客选择)". */
export function offerInWords(offer: ResolutionOffer, lang: keyof Bilingual, money: (fen: number) => string): string {
  const options = offer.options.map((o, i) => {
    const words = [OFFER_KIND_LABELS[o.kind][lang], o.text, o.amountFen === null ? null : money(o.amountFen)]
      .filter(Boolean)
      .join(' · ');
    return offer.chosen === i ? `${words}(${OFFER_WORDS.chosen[lang]})` : words;
  });
  const none = offer.chosen === null ? [`${OFFER_WORDS.noneAccepted[lang]}${offer.note ? `:${offer.note}` : ''}`] : [];
  return [...options, ...none].join(lang === 'en' ? '; ' : ';');
}
