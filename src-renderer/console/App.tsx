// The console's root: theme and locale (shared with the branch UI), then the sign-in
// screen or the signed-in layout. A 401 on any screen (session expired) returns here.
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { antdLocaleFor } from '../lib/antd-locale';
import { whenSignedOut } from './api';
import { ConsoleLayout } from './ConsoleLayout';
import { SignIn } from './screens/SignIn';
import { signedOut, useSession } from './session';
import { THEME } from './theme';

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={antdLocaleFor(i18n.language)} theme={THEME}>
      <AntApp>
        <Gate />
      </AntApp>
    </ConfigProvider>
  );
}

function Gate() {
  const session = useSession();
  const qc = useQueryClient();
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    whenSignedOut(() => {
      setEnded(true);
      signedOut(qc);
    });
  }, [qc]);

  if (session.isPending) return <Spin fullscreen />;
  if (!session.data) return <SignIn sessionEnded={ended} onSignedIn={() => setEnded(false)} />;
  return <ConsoleLayout reviewer={session.data.reviewer} />;
}
