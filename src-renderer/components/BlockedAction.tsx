// An action the user may not take now, as a disabled button with the reason beside it (and as its tooltip):
// the case's actions and the case's 同一事项 section list theirs the same way.
import { Button, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Bilingual } from '../../src-main/shared/errors';
import { pick } from '../i18n';

export function BlockedAction({
  action,
  label,
  reason,
  gap,
}: {
  action: string;
  label: ReactNode;
  reason: Bilingual;
  /** Space above the row (px). */
  gap: number;
}) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', marginTop: gap }}>
      <Tooltip title={pick(reason)}>
        {/* A disabled button gets no pointer events: the span carries the tooltip. */}
        <span tabIndex={0} style={{ flex: 'none' }}>
          <Button size="small" disabled data-blocked={action} style={{ pointerEvents: 'none' }}>
            {label}
          </Button>
        </span>
      </Tooltip>
      <Typography.Text type="secondary" data-blocked-reason={action}>
        {pick(reason)}
      </Typography.Text>
    </div>
  );
}
