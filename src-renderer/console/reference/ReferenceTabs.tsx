// The three screens of head office's reference records under one menu entry (the console's header is full at
// 1366 px): 工作日历, 话术库, 分店将收到 — a row of links at the top of each, the current one marked.
import { Alert, Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { go } from '../route';
import './reference.css';

const SCREENS = [
  { value: '/calendar', key: 'reference.navCalendar' },
  { value: '/phrases', key: 'reference.navPhrases' },
  { value: '/reference-preview', key: 'reference.navPreview' },
] as const;

/** The screen's title (children) with the three screens' links beside it. */
export function ReferenceTabs({
  current,
  children,
}: {
  current: (typeof SCREENS)[number]['value'];
  children: ReactNode;
}) {
  const { t } = useTranslation('console');
  return (
    <div className="ref-head">
      {children}
      <nav aria-label={t('reference.nav')}>
        <Segmented
          value={current}
          onChange={(v) => go(v)}
          options={SCREENS.map((s) => ({ value: s.value, label: t(s.key) }))}
        />
      </nav>
    </div>
  );
}

/** An editing screen's head: its title with the links, the intro, and a notice when the reviewer may only read. */
export function ReferenceScreenHead({
  current,
  titleId,
  title,
  intro,
  readOnly,
}: {
  current: (typeof SCREENS)[number]['value'];
  titleId: string;
  title: string;
  intro: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation('console');
  return (
    <>
      <ReferenceTabs current={current}>
        <Typography.Title level={1} className="screen-title" id={titleId}>
          {title}
        </Typography.Title>
      </ReferenceTabs>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {intro}
      </Typography.Paragraph>
      {readOnly && (
        <Alert
          type="info"
          showIcon
          message={t('reference.readOnly')}
          style={{ marginBottom: 8 }}
          data-testid="read-only"
        />
      )}
    </>
  );
}
