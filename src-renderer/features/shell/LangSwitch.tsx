import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang, type UiLang } from '../../i18n';

/** zh-CN / English, remembered on this PC. */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<UiLang>
      aria-label={t('app.language')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { value: 'zh-CN', label: t('app.langZh') },
        { value: 'en', label: t('app.langEn') },
      ]}
      onChange={(v) => void setLang(v)}
    />
  );
}
