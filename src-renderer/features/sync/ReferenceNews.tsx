// Head office's reference records on the sync line (issue 21 §1): "日历已更新 2027" and "话术库已更新" for 7 days
// after they arrived (as main's sync.status reports), and the manager's 导入总部文件 — head office's signed file
// from a USB stick, read as base64 and checked by main (sync.importReference); refusals shown in main's words.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceUpdateView } from '../../../src-main/shared/schemas/reference-import';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { readBase64 } from '../attachments/attachment-files';
import { useSession } from '../shell/session';

/** The news of the last update, or nothing. */
export function ReferenceNews({ update }: { update: ReferenceUpdateView | null | undefined }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  if (!update || (update.calendarYears.length === 0 && !update.phrases)) return null;
  const words = [
    ...(update.calendarYears.length
      ? [t('reference.calendarUpdated', { years: update.calendarYears.join('、') })]
      : []),
    ...(update.phrases ? [t('reference.phrasesUpdated')] : []),
  ];
  return (
    <Typography.Text
      type="success"
      data-testid="sync-reference-news"
      title={t('reference.updatedAt', { at: formatTime(update.at, settings.timeZone, i18n.language) })}
    >
      {' · '}
      {words.join(' · ')}
    </Typography.Text>
  );
}

/** The manager's 导入总部文件. */
export function ReferenceImportButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const chosen = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const dataBase64 = await readBase64(file).catch(() => null);
      if (dataBase64 === null) return void message.error(t('reference.readFailed', { name: file.name }));
      const r = await invoke('sync.importReference', { dataBase64 });
      if (!r.ok) return void message.error(pick(r.error.message));
      if (r.value.stored.length === 0) return void message.info(t('reference.importedNothing'));
      const what = r.value.stored
        .map((x) => (x.kind === 'calendar' ? t('reference.calendar', { year: x.key }) : t('reference.phrases')))
        .join('、');
      void message.success(t('reference.imported', { n: r.value.stored.length, what }));
      await qc.invalidateQueries();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="reference-import-input"
        onChange={(e) => void chosen(e.target.files?.[0])}
      />
      <Button
        type="link"
        size="small"
        loading={busy}
        onClick={() => input.current?.click()}
        style={{ height: 20, padding: '0 4px' }}
      >
        {busy ? t('reference.importing') : t('reference.importFile')}
      </Button>
    </>
  );
}
