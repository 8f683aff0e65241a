// The root: theme and locale, then either the sign-in screen or the signed-in layout.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Card, ConfigProvider, Spin, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { antdLocaleFor } from '../../lib/antd-locale';
import { call } from '../../lib/api';
import { ChangePinForm } from '../auth/ChangePinForm';
import { SignIn } from '../auth/SignIn';
import { navigate } from '../../lib/router';
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
      locale={antdLocaleFor(i18n.language)}
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
  const [ended, setEnded] = useState<'locked' | 'signedOut' | null>(null);
  const qc = useQueryClient();

  const end = useCallback(
    (how: 'locked' | 'signedOut') => {
      void call('auth.signOut', {}).finally(() => {
        // Nothing of the previous user stays in the cache for the next one to see.
        qc.clear();
        // Signing out on purpose hands the PC over: the next user starts at home. After an
        // idle lock the route stays, so the same clerk returns to the screen (and draft) left.
        if (how === 'signedOut') navigate('/');
        setEnded(how);
      });
    },
    [qc],
  );
  const lock = useCallback(() => end('locked'), [end]);
  const signOut = useCallback(() => end('signedOut'), [end]);

  if (who.isPending || settings.isPending) return <Spin fullscreen />;
  if (!who.data || !settings.data) {
    return <SignIn ended={ended} onSignedIn={() => setEnded(null)} />;
  }
  return (
    <SessionContext.Provider value={{ user: who.data, settings: settings.data }}>
      <Signed minutes={settings.data.lockAfterMinutes} lock={lock} signOut={signOut} />
    </SessionContext.Provider>
  );
}

function Signed({ minutes, lock, signOut }: { minutes: number; lock: () => void; signOut: () => void }) {
  useIdleLock(minutes, lock);
  const { t } = useTranslation();
  const pin = useQuery({ queryKey: ['pinStatus'], queryFn: () => call('auth.pinStatus', {}) });
  if (pin.isPending) return <Spin fullscreen />;
  // After the manager's reset, the new PIN comes before any screen.
  if (pin.data?.mustChangePin) {
    return (
      <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Card style={{ width: 400 }}>
          <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
            {t('staff.changePin')}
          </Typography.Title>
          <Typography.Paragraph>{t('staff.mustChange')}</Typography.Paragraph>
          <ChangePinForm onDone={() => undefined} />
        </Card>
      </main>
    );
  }
  return <Layout signOut={signOut} />;
}
