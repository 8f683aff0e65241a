// antd's words and dayjs's calendar (month names, the week's first day) for the screen's language, shared by the
// branch's root and the console's: Chinese, or British English, whose weeks start on Monday like ISO weeks and
// Chinese calendars (US English would start them on Sunday and number the weeks differently).
import type { Locale } from 'antd/es/locale';
import enGB from 'antd/locale/en_GB';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/zh-cn';

/** The ConfigProvider locale for `language`; sets dayjs's global locale to match (antd's pickers read it). */
export function antdLocaleFor(language: string): Locale {
  const en = language === 'en';
  dayjs.locale(en ? 'en-gb' : 'zh-cn');
  return en ? enGB : zhCN;
}
