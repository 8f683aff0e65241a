// The languages the printed forms come in, and each one's words: the one place a form's language is chosen.
import { FORM_TEXT_EN } from './form-text-en';
import { FORM_TEXT_ZH } from './form-text-zh';
import type { FormText } from './form-text';

export type FormLanguage = 'zh-CN' | 'en';

export const formText = (lang: FormLanguage): FormText => (lang === 'en' ? FORM_TEXT_EN : FORM_TEXT_ZH);
