// The case screen's building blocks: a titled group (as on the record form), a row with a label
// column of fixed width that never collapses, and long text that wraps and scrolls in its field.
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Wide enough for the longest English label on two lines; fixed, so long values cannot squeeze it. */
export const LABEL_WIDTH = '10em';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      data-group={id}
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{title}</h2>}
      style={{ marginBottom: 12 }}
      styles={{ body: { padding: '4px 12px' } }}
    >
      {children}
    </Card>
  );
}

export function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `${LABEL_WIDTH} minmax(0, 1fr)`,
        gap: 12,
        padding: '6px 0',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <div data-label style={{ width: LABEL_WIDTH, minWidth: LABEL_WIDTH, color: '#4b5563' }}>
        {label}
      </div>
      <div data-testid={testId} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </div>
    </div>
  );
}

const LONG = 300;

/** Text as typed (line breaks kept), at most about 12 lines high, then it scrolls inside the field. */
export function LongText({ text, label, testId }: { text: string; label: string; testId?: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      style={{
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
        maxHeight: '18em',
        overflowY: 'auto',
        // A long text gets a frame, so that the cut at the bottom reads as "scroll for more".
        ...(text.length > LONG ? { border: '1px solid #e5e7eb', borderRadius: 4, padding: '4px 8px' } : {}),
      }}
    >
      {text}
    </div>
  );
}

const isEmpty = (x: ReactNode): boolean =>
  x === null || x === undefined || x === '' || x === false || (Array.isArray(x) && x.every(isEmpty));

/** A value, or the catalogue's "none" when there is nothing to show. */
export function Value({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  if (isEmpty(children)) return <Typography.Text type="secondary">{t('caseScreen.nothing')}</Typography.Text>;
  return <>{children}</>;
}
