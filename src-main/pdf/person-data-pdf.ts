// 个人信息查询结果 as a file: the PDF of a PersonData (a branch's or head office's: the same template) and the
// files' base name (the phone's last four digits and the day in the holder's zone).
import { DateTime } from 'luxon';
import type { PersonData } from '../shared/person-data-types';
import { personText } from './form-text-person';
import { renderPdf, type RenderOptions } from './render';
import { personDataTemplate } from './templates/person-data';

export function personDataPdf(
  data: PersonData,
  timeZone: string,
  lang: 'zh-CN' | 'en',
  opts: RenderOptions = {},
): Promise<Buffer> {
  const t = personText(lang === 'en' ? 'en' : 'zh');
  return renderPdf(personDataTemplate, { data, timeZone }, t, { ...opts, title: t.title });
}

export function personFileName(data: PersonData, timeZone: string, lang: 'zh-CN' | 'en'): string {
  const day = DateTime.fromISO(data.generatedAt, { zone: timeZone }).toFormat('yyyyLLdd');
  return personText(lang === 'en' ? 'en' : 'zh').fileName(data.phone.slice(-4), day);
}
