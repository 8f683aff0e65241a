// The case's promised reply times as head office received them: each with its state (open / kept /
// missed, judged now in Asia/Shanghai time), the note, and the progress reply with when it was given.
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsoleCaseView } from '../../../src-headoffice/console/api-contract';
import { type PromiseState, promiseState } from '../../../src-main/shared/promise-state';
import { type Tone, ToneTag } from '../../components/ToneTag';
import { shTime } from '../labels';

const TONE: Record<PromiseState, Tone> = { open: 'info', kept: 'good', missed: 'bad' };

export function CasePromises({ promises }: { promises: ConsoleCaseView['promises'] }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const lang = i18n.language;
  const now = Date.now();
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('translation:caseScreen.group.promises')}</h2>}
      style={{ marginBottom: 12 }}
      data-testid="promises"
    >
      {promises.length === 0 && <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>}
      {promises.map((p) => {
        // Batches written before promises were answered one by one carry keptAt.
        const answeredAt = p.answeredAt ?? p.keptAt ?? null;
        const state = promiseState({ promisedAt: p.promisedAt, answeredAt }, now);
        return (
          <div key={p.id} data-promise-state={state} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <strong>{shTime(p.promisedAt, lang)}</strong>{' '}
            <ToneTag tone={TONE[state]}>{t(`translation:promiseState.${state}`)}</ToneTag>
            {answeredAt !== null && t('translation:caseScreen.promiseAnswered', { at: shTime(answeredAt, lang) })}
            {p.note && <div style={{ whiteSpace: 'pre-wrap' }}>{p.note}</div>}
            {p.replyText && (
              <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {t('translation:caseScreen.promiseReply')}:{p.replyText}
              </div>
            )}
          </div>
        );
      })}
    </Card>
  );
}
