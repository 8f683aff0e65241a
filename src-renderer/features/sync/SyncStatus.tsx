// The sync status line (SPEC §10), always visible: records waiting, the last successful sync
// and the last error in words. It shows only what main reports — "not connected" when sync
// is not configured or not available here — and never a success it has not seen.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isUnencryptedRemote } from '../../../src-main/shared/head-office-address';
import { UNENCRYPTED_WORDS } from '../../../src-main/shared/i18n/vocabulary-connection';
import { attachmentsWaitingWords } from '../../../src-main/shared/i18n/vocabulary-attachment-sync';
import type { SyncStatusView } from '../../../src-main/shared/ipc/contract';
import {
  ASK_MANAGER,
  RECOVER_BUTTON,
  RECOVER_CONFIRM,
  RECOVERY_HINT,
  RECOVERY_STATE_LABELS,
} from '../../../src-main/shared/i18n/vocabulary-recovery';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { call, invoke, onEvent } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';
import { ReferenceImportButton, ReferenceNews } from './ReferenceNews';

export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const { settings, user } = useSession();
  const { message, modal } = App.useApp();
  // Those who submit cases to head office may also carry a batch to it on a USB stick.
  const mayExport = user.role === 'secretary' || user.role === 'supervisor' || user.role === 'manager';
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['sync'], queryFn: () => call('sync.status', {}), refetchInterval: 30_000 });
  // Main pushes the status as it changes (in the desktop shell).
  useEffect(() => onEvent('sync.status', (s) => qc.setQueryData(['sync'], s as SyncStatusView)), [qc]);

  const s = q.data;
  const time = (ms: number) => formatTime(ms, settings.timeZone, i18n.language);
  const parts: string[] = [];
  if (!s || !s.configured) parts.push(t('sync.notConnected'));
  else parts.push(t(`sync.state.${s.state}`));
  if (s) {
    parts.push(t('sync.waiting', { n: s.waiting }));
    // Attachment files go after the records, by their own channel: said apart so a big recording explains itself.
    const files = attachmentsWaitingWords(s.attachmentsWaiting);
    if (files) parts.push(pick(files));
    parts.push(s.lastSuccessAt ? t('sync.lastSuccess', { at: time(s.lastSuccessAt) }) : t('sync.never'));
    // Behind head office: its own words below say it (the error would say the same).
    if (s.lastError && !s.recovery) parts.push(t('sync.lastError', { error: pick(s.lastError) }));
  }
  // An http:// head office on another computer, allowed by the manager: said on the line, in warning colour
  // (from the settings too, so it shows before the key is set and where main has no key store).
  const unencrypted =
    s?.unencrypted === true || (settings.allowUnencrypted && isUnencryptedRemote(settings.headOfficeUrl));

  // Behind head office (src-main/sync/README.md): the manager restores from it, after confirming.
  const recovery = s?.recovery ?? null;
  const recover = () =>
    modal.confirm({
      title: pick(RECOVER_BUTTON),
      content: pick(RECOVER_CONFIRM),
      okText: pick(RECOVER_BUTTON),
      onOk: async () => {
        const r = await invoke('sync.recover', {});
        if (!r.ok) return void message.error(pick(r.error.message));
        qc.setQueryData(['sync'], r.value);
      },
    });

  const syncNow = async () => {
    const r = await invoke('sync.now', {});
    if (r.ok) qc.setQueryData(['sync'], r.value);
  };

  const exportBatch = async () => {
    const r = await invoke('sync.exportBatch', {});
    if (!r.ok) return void message.error(pick(r.error.message));
    if (r.value.records === 0) return void message.info(t('sync.nothingToExport'));
    if (r.value.path === null) return void message.info(t('sync.exportCancelled'));
    void message.success(
      t('sync.exported', { records: r.value.records, batches: r.value.batches, path: r.value.path }),
    );
  };

  return (
    <span role="status" aria-label={t('sync.label')} data-testid="sync-status">
      {/* First on the line, so a long line never hides it. */}
      {unencrypted && (
        <ToneTag tone="warn" testId="sync-unencrypted">
          ⚠ {pick(UNENCRYPTED_WORDS.warning)}
        </ToneTag>
      )}
      {t('sync.label')}: {parts.join(' · ')}
      <ReferenceNews update={s?.referenceUpdate} />
      {recovery && (
        <Typography.Text type="danger" strong data-testid="sync-behind" title={pick(RECOVERY_HINT)}>
          {' · '}
          {pick(RECOVERY_STATE_LABELS[recovery])}
          {recovery === 'behind' && user.role !== 'manager' && ` · ${pick(ASK_MANAGER)}`}
        </Typography.Text>
      )}
      {recovery === 'behind' && user.role === 'manager' && (
        <Button danger size="small" onClick={recover} style={{ height: 20, padding: '0 6px', marginLeft: 4 }}>
          {pick(RECOVER_BUTTON)}
        </Button>
      )}
      {s?.configured && s.state !== 'syncing' && (
        <Button type="link" size="small" onClick={() => void syncNow()} style={{ height: 20, padding: '0 4px' }}>
          {t('sync.now')}
        </Button>
      )}
      {mayExport && !recovery && (
        <Button type="link" size="small" onClick={() => void exportBatch()} style={{ height: 20, padding: '0 4px' }}>
          {t('sync.exportBatch')}
        </Button>
      )}
      {user.role === 'manager' && s?.configured && <ReferenceImportButton />}
    </span>
  );
}
