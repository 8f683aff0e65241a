// The case page's 同一事项 card (issue 22 §4): the branch's own links and merges as synced, head office's
// cross-branch matter with its history, and the cases of other branches likely of the same matter, ranked
// with why, each linked with one click. Unlinking asks for a reason (checked with the contract's schema
// before it is sent; what was typed stays on a refusal). Head office links; the branches' cases stay theirs.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseMattersAnswer,
  caseMattersPath,
  type CrossMatterSuggestion,
  MATTER_PATHS,
  type MatterAnswer,
  type MatterCase,
  UnlinkMatterBody,
} from '../../../src-headoffice/console/api-contract';
import { ToneTag } from '../../components/ToneTag';
import { Field } from '../../components/Field';
import { getJson, postJson } from '../api';
import { shTime } from '../labels';
import { caseHref } from '../route';
import { useConsoleSubmit } from '../useConsoleSubmit';

const h2 = (text: string) => <h2 style={{ fontSize: 15, margin: 0 }}>{text}</h2>;

function CaseLine({ c, extra }: { c: MatterCase; extra?: ReactNode }) {
  const { t, i18n } = useTranslation(['console', 'translation']);
  return (
    <div style={{ padding: '2px 0' }} data-testid="matter-case">
      <a href={caseHref(c)} style={{ textDecoration: 'underline' }}>
        {c.number}
      </a>{' '}
      <ToneTag tone="plain">{c.branch}</ToneTag> {t(`translation:channel.${c.channel}`)} ·{' '}
      {t(`translation:status.${c.status}`)}
      {c.mergedInto && ` · ${t('matters.duplicate')}`}
      <Typography.Text type="secondary"> · {shTime(c.receivedAt, i18n.language)}</Typography.Text>
      {extra}
    </div>
  );
}

function Suggestion({ s, onLink, busy }: { s: CrossMatterSuggestion; onLink: () => void; busy: boolean }) {
  const { t } = useTranslation('console');
  return (
    <div style={{ padding: '4px 0', borderTop: '1px solid #f0f0f0' }} data-testid="matter-suggestion">
      <CaseLine c={s} />
      <Space wrap size={4} style={{ marginTop: 2 }}>
        {s.reasons.map((r) => (
          <ToneTag key={r} tone="info">
            {t(`matters.reason.${r}`, { v: r === 'receipt' ? s.matched.receipt : s.matched.item })}
          </ToneTag>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('matters.score', { n: s.score })}
        </Typography.Text>
        {s.matterId && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('matters.inMatter')}
          </Typography.Text>
        )}
        <Button size="small" onClick={onLink} disabled={busy} data-testid="matter-link">
          {t('matters.link')}
        </Button>
      </Space>
    </div>
  );
}

export function CaseMatters({ branch, id }: { branch: string; id: string }) {
  const { t, i18n } = useTranslation('console');
  const lang = i18n.language;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['console', 'case-matters', branch, id];
  const q = useQuery({ queryKey: key, queryFn: () => getJson<CaseMattersAnswer>(caseMattersPath(branch, id)) });
  const [unlinking, setUnlinking] = useState<MatterCase | null>(null);
  const [reason, setReason] = useState('');
  const linkSubmit = useConsoleSubmit(t('matters.fix'));
  const unlinkSubmit = useConsoleSubmit(t('matters.fix'));
  const d = q.data;
  if (!d) return null;
  const empty =
    !d.branchMatter && !d.mergedInto && d.mergedFrom.length === 0 && !d.crossBranch && d.suggestions.length === 0;
  const refresh = () => void qc.invalidateQueries({ queryKey: ['console', 'case-matters'] });

  const link = async (s: CrossMatterSuggestion) => {
    const done = await linkSubmit.send(() =>
      postJson<MatterAnswer>(MATTER_PATHS.link, {
        linkCases: [
          { branch, id },
          { branch: s.branch, id: s.id },
        ],
      }),
    );
    if (!done) return;
    void message.success(t('matters.linked'));
    refresh();
  };
  const unlink = async () => {
    if (!unlinking || unlinkSubmit.busy) return;
    const body = unlinkSubmit.check(UnlinkMatterBody, { branch: unlinking.branch, id: unlinking.id, reason });
    if (!body) return;
    const done = await unlinkSubmit.send(() => postJson<MatterAnswer>(MATTER_PATHS.unlink, body));
    if (!done) return;
    setUnlinking(null);
    setReason('');
    void message.success(t('matters.unlinked'));
    refresh();
  };

  return (
    <Card size="small" title={h2(t('matters.title'))} style={{ marginBottom: 12 }} data-testid="case-matters">
      {empty && <Typography.Text type="secondary">{t('matters.none')}</Typography.Text>}
      {d.mergedInto && (
        <div data-testid="matter-merged-into">
          <Typography.Text strong>{t('matters.mergedInto')}</Typography.Text>
          <CaseLine c={d.mergedInto} />
        </div>
      )}
      {d.branchMatter && (
        <div data-testid="matter-branch">
          <Typography.Text strong>{t('matters.branchLinked')}</Typography.Text>
          {d.branchMatter.cases.map((c) => (
            <CaseLine key={c.id} c={c} />
          ))}
        </div>
      )}
      {d.mergedFrom.length > 0 && (
        <div data-testid="matter-merged-from">
          <Typography.Text strong>{t('matters.mergedFrom')}</Typography.Text>
          {d.mergedFrom.map((c) => (
            <CaseLine key={c.id} c={c} />
          ))}
        </div>
      )}
      {d.crossBranch && (
        <div data-testid="matter-cross" style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('matters.crossTitle')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
            {t('matters.crossHint')}
          </Typography.Paragraph>
          {d.crossBranch.cases.map((c) => (
            <CaseLine
              key={`${c.branch}/${c.id}`}
              c={c}
              extra={
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('matters.crossBy', { who: c.linkedByName, at: shTime(c.linkedAt, lang) })}
                  </Typography.Text>{' '}
                  <Button size="small" type="link" onClick={() => setUnlinking(c)} data-testid="matter-unlink">
                    {t('matters.unlink')}
                  </Button>
                </div>
              }
            />
          ))}
          <details style={{ marginTop: 4 }}>
            <summary style={{ cursor: 'pointer', fontSize: 12 }}>{t('matters.log')}</summary>
            {d.crossBranch.log.map((l, i) => (
              <div key={i} style={{ fontSize: 12 }} data-testid="matter-log">
                {t(l.action === 'link' ? 'matters.logLink' : 'matters.logUnlink', {
                  at: shTime(l.at, lang),
                  who: l.reviewerName,
                  number: l.number,
                  reason: l.reason ?? '',
                })}
              </div>
            ))}
          </details>
        </div>
      )}
      {d.suggestions.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="matter-suggestions">
          <Typography.Text strong>{t('matters.suggestTitle')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
            {t('matters.suggestHint')}
          </Typography.Paragraph>
          {linkSubmit.error && (
            <Alert type="error" showIcon role="alert" message={linkSubmit.error} style={{ margin: '4px 0' }} />
          )}
          {d.suggestions.map((s) => (
            <Suggestion key={`${s.branch}/${s.id}`} s={s} busy={linkSubmit.busy} onLink={() => void link(s)} />
          ))}
        </div>
      )}
      <Modal
        open={unlinking !== null}
        title={unlinking ? t('matters.unlinkTitle', { number: unlinking.number }) : ''}
        okText={t('matters.unlinkConfirm')}
        cancelText={t('matters.cancel')}
        okButtonProps={{ danger: true, disabled: unlinkSubmit.busy }}
        onOk={() => void unlink()}
        onCancel={() => setUnlinking(null)}
        destroyOnHidden
      >
        {unlinkSubmit.error && (
          <Alert type="error" showIcon role="alert" message={unlinkSubmit.error} style={{ marginBottom: 8 }} />
        )}
        <Form component={false} layout="vertical">
          <Field
            id="matter-unlink-reason"
            path="reason"
            label={t('matters.unlinkReason')}
            issues={unlinkSubmit.issues}
            required
          >
            <Input.TextArea
              id="matter-unlink-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('matters.unlinkPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 4 }}
            />
          </Field>
        </Form>
      </Modal>
    </Card>
  );
}
