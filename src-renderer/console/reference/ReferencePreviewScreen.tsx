// 分店将收到 / What branches will receive (issue 21 §4): the reference records exactly as head office hands
// them to a branch on its next pull (the preview route), shown as a branch shows them — each calendar year as
// its year grid, the library as the branch's side panel lists the steps of a channel with their phrases.
import { useQuery } from '@tanstack/react-query';
import { Empty, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, CHANNELS } from '../../../src-main/shared/enums';
import type { PhraseLibrary, ReferenceOnPull } from '../../../src-main/shared/reference-data';
import { pick } from '../../i18n';
import { shTime } from '../labels';
import { ErrorAlert } from '../screens/ErrorAlert';
import { previewQuery } from './reference-api';
import { ReferenceTabs } from './ReferenceTabs';
import { YearGrid } from './YearGrid';
import './reference.css';

/** The steps a branch shows for a channel (a step without channels applies to every channel), with their phrases. */
export function panelSteps(lib: PhraseLibrary, channel: Channel) {
  return lib.steps
    .filter((s) => !s.channels.length || s.channels.includes(channel))
    .map((s) => ({ step: s, phrases: lib.phrases.filter((p) => s.situations.includes(p.situation)) }));
}

export function ReferencePreviewScreen() {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const q = useQuery(previewQuery);
  const records = q.data?.reference ?? [];

  const head = (r: ReferenceOnPull) => (
    <Typography.Paragraph type="secondary" style={{ margin: '0 0 4px' }}>
      {t('reference.publishedBy', {
        v: r.record.version,
        who: r.record.publishedBy,
        at: shTime(Date.parse(r.record.publishedAt), i18n.language),
      })}
      {' · '}
      {t('reference.previewSeq', { seq: r.seq })}
    </Typography.Paragraph>
  );

  return (
    <section aria-labelledby="preview-title">
      <ReferenceTabs current="/reference-preview">
        <Typography.Title level={1} className="screen-title" id="preview-title">
          {t('reference.previewTitle')}
        </Typography.Title>
      </ReferenceTabs>
      <Typography.Paragraph type="secondary">{t('reference.previewIntro')}</Typography.Paragraph>
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && !records.length && <Empty description={t('reference.previewEmpty')} />}
      {records.map((r) =>
        r.record.kind === 'calendar' ? (
          <section
            key={`c-${r.record.key}`}
            data-testid={`preview-calendar-${r.record.key}`}
            style={{ marginBottom: 16 }}
          >
            <Typography.Title level={2} style={{ fontSize: 16, margin: '8px 0 2px' }}>
              {t('reference.calendarTitle')} {r.record.key}
              {r.record.body.provisional && (
                <Tag className="tag-provisional" style={{ marginLeft: 8 }}>
                  {t('reference.provisionalTag')}
                </Tag>
              )}
            </Typography.Title>
            {head(r)}
            <YearGrid cal={r.record.body} />
          </section>
        ) : (
          <section key="phrases" data-testid="preview-phrases" style={{ marginBottom: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 16, margin: '8px 0 2px' }}>
              {t('reference.phrasesTitle')}
            </Typography.Title>
            {head(r)}
            <BranchPanel lib={r.record.body} />
          </section>
        ),
      )}
    </section>
  );
}

function BranchPanel({ lib }: { lib: PhraseLibrary }) {
  const { t } = useTranslation(['console', 'translation']);
  const [channel, setChannel] = useState<Channel>('in_store');
  return (
    <div className="branch-panel" style={{ maxWidth: 560 }}>
      <div className="ref-bar">
        <strong>{t('reference.previewPanel')}</strong>
        <label htmlFor="preview-channel">{t('reference.previewChannel')}</label>
        <Select
          id="preview-channel"
          value={channel}
          onChange={setChannel}
          style={{ width: 160 }}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`, { ns: 'translation' }) }))}
        />
      </div>
      <ol>
        {panelSteps(lib, channel).map(({ step, phrases }) => (
          <li key={step.key}>
            <strong>{pick(step.title)}</strong>
            <div style={{ color: '#4b5563', fontSize: 12 }}>{pick(step.hint)}</div>
            {phrases.map((p) => (
              <span key={p.key} className="phrase">
                {pick(p.text)}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
