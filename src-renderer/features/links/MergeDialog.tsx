// 合并为重复 (issue 22 §3): choose the other case and which one stays as the primary, see what moves before it
// happens (the duplicate filed as 重复 with its number kept, its records referenced on the primary, its open promises
// and a government body's deadline moved there), confirm when the two customers differ, give the reason.
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Modal, Radio, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../src-main/shared/types';
import { pick } from '../../i18n';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';
import type { Candidate } from './LinkDialogs';
import { useLinkSubmit } from './link-submit';

/** The customers differ when both cases name one and the names or the phones are not the same. */
export function customersDiffer(a: CaseView, b: CaseView): boolean {
  const differ = (x: string | null, y: string | null) => !!x?.trim() && !!y?.trim() && x.trim() !== y.trim();
  const digits = (p: string | null) => (p ? p.replace(/\D/g, '').slice(-11) : null);
  return differ(a.customerName, b.customerName) || differ(digits(a.customerPhone), digits(b.customerPhone));
}

const who = (c: CaseView) => [c.customerName, c.customerPhone].filter(Boolean).join(' ') || c.number;

function WhatMoves({ dup, primary }: { dup: CaseView; primary: CaseView }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const open = dup.promises.filter((p) => p.answeredAt === null);
  const body = dup.govBody ? t(`govBody.${dup.govBody}`) : '';
  const words = { number: dup.number, primary: primary.number };
  return (
    <ul data-testid="merge-moves" style={{ margin: 0, paddingLeft: 18 }}>
      <li>{t('links.mergeCloses', words)}</li>
      <li>{t('links.mergeRefs', words)}</li>
      <li>{open.length ? t('links.mergePromises', { ...words, n: open.length }) : t('links.mergeNoPromise')}</li>
      {dup.channel === 'government' && dup.dueAt !== null && (
        <li data-testid="merge-moves-due">
          <strong>
            {t('links.mergeDue', { ...words, body, at: formatTime(dup.dueAt, settings.timeZone, i18n.language) })}
          </strong>
        </li>
      )}
    </ul>
  );
}

export function MergeDialog({
  c,
  candidates,
  initial,
  onClose,
}: {
  c: CaseView;
  candidates: Candidate[];
  initial: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [otherId, setOtherId] = useState<string | undefined>(initial ?? candidates[0]?.id);
  const [primaryId, setPrimaryId] = useState<string>(c.id);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState('');
  const other = useQuery({
    queryKey: ['case', otherId],
    enabled: otherId !== undefined,
    queryFn: () => call('cases.get', { caseId: otherId ?? '' }),
  });
  const { run, issues, error, busy } = useLinkSubmit(c.id, 'merge', onClose);
  const o = other.data;
  const primary = o && primaryId === o.id ? o : c;
  const dup = o && primaryId === o.id ? c : o;
  const differ = !!o && customersDiffer(c, o);
  // Main names the field when it wants the confirmation (a customer it sees differently): ask then too.
  const ask = differ || !!issues.differentCustomerConfirmed;
  const submit = () =>
    dup &&
    void run('cases.merge', {
      duplicateId: dup.id,
      primaryId: primary.id,
      differentCustomerConfirmed: ask && confirmed,
      reason,
    });
  const field = (name: string) => (issues[name] ? { validateStatus: 'error' as const, help: pick(issues[name]) } : {});
  return (
    <Modal
      open
      width={640}
      title={t('links.mergeTitle')}
      okText={t('links.confirm')}
      cancelText={t('links.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: !o }}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={t('links.mergeOther')} {...field('duplicateId')}>
          <Radio.Group
            value={otherId}
            onChange={(e) => {
              setOtherId(String(e.target.value));
              setPrimaryId(c.id);
              setConfirmed(false);
            }}
            options={candidates.map((x) => ({ value: x.id, label: x.number }))}
          />
        </Form.Item>
        {!o ? (
          <Spin tip={t('links.loading')} />
        ) : (
          <>
            <Form.Item label={t('links.mergePrimary')} {...field('primaryId')}>
              <Radio.Group
                value={primaryId}
                onChange={(e) => setPrimaryId(String(e.target.value))}
                options={[c, o].map((x) => ({
                  value: x.id,
                  label: `${x.number} · ${t(`channel.${x.channel}`)} · ${t(`status.${x.status}`)}`,
                }))}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              />
            </Form.Item>
            {dup && (
              <Alert
                type="info"
                message={t('links.mergeMoves')}
                description={<WhatMoves dup={dup} primary={primary} />}
                style={{ marginBottom: 12 }}
              />
            )}
            {ask && (
              <Form.Item {...field('differentCustomerConfirmed')}>
                <Alert
                  type="warning"
                  showIcon
                  data-testid="merge-different-customer"
                  message={t('links.differentCustomer', { a: who(c), b: who(o) })}
                  style={{ marginBottom: 8 }}
                />
                <Checkbox id="merge-different" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
                  {t('links.differentConfirm')}
                </Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item label={t('links.mergeReason')} htmlFor="merge-reason" required {...field('reason')}>
          <Input.TextArea id="merge-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
