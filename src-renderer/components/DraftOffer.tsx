import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/format';
import { ToneTag } from './ToneTag';

/** "There is an unfinished draft" with restore / discard. */
export function DraftOffer({
  at,
  timeZone,
  onRestore,
  onDiscard,
}: {
  at: number;
  timeZone: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('intake.draftFound', { at: formatTime(at, timeZone, i18n.language) })}
      action={
        <Space>
          <Button size="small" type="primary" onClick={onRestore}>
            {t('intake.restore')}
          </Button>
          <Button size="small" onClick={onDiscard}>
            {t('intake.discard')}
          </Button>
        </Space>
      }
    />
  );
}

/** A form's submit button with, beside it, when its draft was last kept by main. */
export function SubmitWithDraftState({
  label,
  busy,
  savedAt,
  failed,
  timeZone,
}: {
  label: string;
  busy: boolean;
  savedAt: number | null;
  failed: boolean;
  timeZone: string;
}) {
  return (
    <Space size="middle">
      <Button type="primary" htmlType="submit" loading={busy}>
        {label}
      </Button>
      <DraftSaveState savedAt={savedAt} failed={failed} timeZone={timeZone} />
    </Space>
  );
}

/** When the draft was last kept by main, or that it could not be. */
function DraftSaveState({ savedAt, failed, timeZone }: { savedAt: number | null; failed: boolean; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (failed) return <ToneTag tone="warn">{t('intake.draftSaveFailed')}</ToneTag>;
  if (savedAt === null) return null;
  return (
    <Typography.Text type="secondary">
      {t('intake.draftSavedAt', { at: formatTime(savedAt, timeZone, i18n.language) })}
    </Typography.Text>
  );
}
