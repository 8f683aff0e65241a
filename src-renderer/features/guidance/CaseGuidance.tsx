// The panel 处理步骤与话术 on the case (issue 21 §3): the case's ticked steps, ticked or unticked by
// anyone main lets act on it (`handling_step` among its allowed actions); read-only once filed.
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { useSession } from '../shell/session';
import { GuidancePanel } from './GuidancePanel';

export function CaseGuidance({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useSession();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const may = c.allowedActions.includes('handling_step');
  const toggle = async (stepKey: string, ticked: boolean) => {
    if (busy) return;
    setBusy(true);
    try {
      const after = await call('cases.tickStep', { caseId: c.id, stepKey, ticked });
      qc.setQueryData(['case', c.id], after);
      void qc.invalidateQueries({ queryKey: ['caseHistory', c.id] });
    } catch (e) {
      void message.error(e instanceof ApiError ? pick(e.messages) : t('common.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginBottom: 16 }}>
      <GuidancePanel
        channel={c.channel}
        ticked={c.handlingSteps ?? []}
        onToggle={may ? (k, v) => void toggle(k, v) : undefined}
        readOnlyNote={may ? undefined : t('guide.readOnly')}
        timeZone={settings.timeZone}
      />
    </div>
  );
}
