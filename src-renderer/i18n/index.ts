// i18next with the two catalogues bundled (the app runs offline: nothing is fetched).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Bilingual } from '../../src-main/shared/errors';
import { attachmentsEn, attachmentsZhCN } from './attachments-catalogue';
import { calendarEn, calendarZhCN } from './calendar-catalogue';
import { crossMatterEn, crossMatterZhCN } from './matters-catalogue';
import { crossBranchEn, crossBranchZhCN } from './cross-branch-catalogue';
import { guidanceEn, guidanceZhCN } from './guidance-catalogue';
import { capaEn, capaZhCN } from './capa-catalogue';
import { en } from './en';
import { linksEn, linksZhCN } from './links-catalogue';
import { offerEn, offerZhCN } from './offer-catalogue';
import { productsEn, productsZhCN } from './products-catalogue';
import { personalDataEn, personalDataZhCN } from './personal-data-catalogue';
import { reportsEn, reportsZhCN } from './reports-catalogue';
import { personRequestEn, personRequestZhCN } from './person-request-catalogue';
import { referenceEn, referenceZhCN } from './reference-catalogue';
import { retentionEn, retentionZhCN } from './retention-catalogue';
import { summaryItemsEn, summaryItemsZhCN } from './summary-items-catalogue';
import { trainingApprovalEn, trainingApprovalZhCN } from './training-approval-catalogue';
import { zhCN } from './zh-CN';

export type UiLang = 'zh-CN' | 'en';
const KEY = 'branchDesk.lang';

export function storedLang(): UiLang {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
}

export async function initI18n(lang: UiLang = storedLang()): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: {
        'zh-CN': {
          translation: {
            ...zhCN,
            ...reportsZhCN,
            ...trainingApprovalZhCN,
            ...crossBranchZhCN,
            ...capaZhCN,
            ...productsZhCN,
            ...summaryItemsZhCN,
            ...attachmentsZhCN,
            ...personalDataZhCN,
            ...retentionZhCN,
            ...personRequestZhCN,
            ...referenceZhCN,
            ...offerZhCN,
            ...guidanceZhCN,
            ...calendarZhCN,
            ...linksZhCN,
            ...crossMatterZhCN,
          },
        },
        en: {
          translation: {
            ...en,
            ...reportsEn,
            ...trainingApprovalEn,
            ...crossBranchEn,
            ...capaEn,
            ...productsEn,
            ...summaryItemsEn,
            ...attachmentsEn,
            ...personalDataEn,
            ...retentionEn,
            ...personRequestEn,
            ...referenceEn,
            ...offerEn,
            ...guidanceEn,
            ...calendarEn,
            ...linksEn,
            ...crossMatterEn,
          },
        },
      },
      lng: lang,
      fallbackLng: 'zh-CN',
      // React escapes text itself.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  document.documentElement.lang = lang;
  return i18next;
}

export async function setLang(lang: UiLang): Promise<void> {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

/** Picks the side of a message from main (errors, field issues) for the current language. */
export const pick = (m: Bilingual): string => (i18next.language === 'en' ? m.en : m.zh);
