// The console's catalogue joins the branch UI's i18next instance as the `console` namespace,
// so enum labels (channel.*, status.*, event.*…) and the language switch are shared.
import type i18next from 'i18next';
import { initI18n, type UiLang } from '../../i18n';
import { doubleRefundsEn, doubleRefundsZhCN } from './double-refunds';
import { consoleEn } from './en';
import { consoleZhCN } from './zh-CN';
import { productsConsoleEn, productsConsoleZhCN } from './products';
import { referenceConsoleEn, referenceConsoleZhCN } from './reference';
import { mattersConsoleEn, mattersConsoleZhCN } from './matters';

export const NS = 'console';

export async function initConsoleI18n(lang?: UiLang): Promise<typeof i18next> {
  const i = await initI18n(lang);
  if (!i.hasResourceBundle('zh-CN', NS)) {
    i.addResourceBundle('zh-CN', NS, {
      ...consoleZhCN,
      ...doubleRefundsZhCN,
      ...productsConsoleZhCN,
      ...referenceConsoleZhCN,
      ...mattersConsoleZhCN,
    });
    i.addResourceBundle('en', NS, {
      ...consoleEn,
      ...doubleRefundsEn,
      ...productsConsoleEn,
      ...referenceConsoleEn,
      ...mattersConsoleEn,
    });
  }
  return i;
}
