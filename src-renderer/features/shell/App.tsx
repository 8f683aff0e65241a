// The root: theme and locale, then either the sign-in screen or the signed-in layout.
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { SignIn } from '../auth/SignIn';
import { Layout } from './Layout';
import { SessionContext, useSettings, useWhoami } from './session';
import { useIdleLock } from './useIdleLock';

const FONTS =
  "-apple-system, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC Bundled', sans-serif";

/** Secondary text darker than antd's default so it meets WCAG AA contrast (axe color-contrast). */
const CONTRAST = {
  colorTextSecondary: '#4b5563',
  colorTextDescription: '#4b5563',
  colorTextTertiary: '#595959',
  colorTextPlaceholder: '#6b7280',
  colorError: '#c81e1e',
  colorLink: '#0b4aa8',
};

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1557c0', borderRadius: 6, fontFamily: FONTS, ...CONTRAST } }}
    >
      <AntApp>
        <Gate />
      </AntApp>
    </ConfigProvider>
  );
}

function Gate() {
  const who = useWhoami();
  const settings = useSettings();
  const [locked, setLocked] = useState(false);
  const qc = useQueryClient();

  const lock = useCallback(() => {
    void call('auth.signOut', {}).finally(() => {
      // Nothing of the previous user stays in the cache for the next one to see.
      qc.clear();
      setLocked(true);
    });
  }, [qc]);

  if (who.isPending || settings.isPending) return <Spin fullscreen />;
  if (!who.data || !settings.data) {
    return <SignIn locked={locked} onSignedIn={() => setLocked(false)} />;
  }
  return (
    <SessionContext.Provider value={{ user: who.data, settings: settings.data }}>
      <Signed minutes={settings.data.lockAfterMinutes} lock={lock} />
    </SessionContext.Provider>
  );
}

function Signed({ minutes, lock }: { minutes: number; lock: () => void }) {
  useIdleLock(minutes, lock);
  return <Layout signOut={lock} />;
}
