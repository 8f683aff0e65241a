// The resolve form's "提供给顾客的方案" (issue 21 §3): 1–5 options (kind, words, amount), the one the
// customer chose marked by its radio, or "none accepted" with the reason. Each message sits under its own
// input (paths offer.options.N.kind/text/amountFen, offer.chosen, offer.note); the text stays on refusal.
// Keyboard: Tab walks radio → kind → words → amount → remove, row by row; Ctrl+Enter sends the form.
import { Button, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_OFFERED, NONE_ACCEPTED, OFFER_KINDS } from '../../../src-main/shared/resolution-offer';
import { pick } from '../../i18n';
import type { IssueMap } from '../../lib/issues';
import { addRow, type OfferFormState, readOfferState, removeRow, writeOfferState } from './offer-form';

interface Props {
  id: string;
  value: string | undefined;
  onChange: (json: string) => void;
  issues: IssueMap;
}

function Message({ issues, path, id }: { issues: IssueMap; path: string; id: string }) {
  const m = issues[path];
  return m ? (
    <Typography.Text type="danger" id={id} style={{ display: 'block', fontSize: 12 }}>
      {pick(m)}
    </Typography.Text>
  ) : null;
}

export function ResolutionOfferField({ id, value, onChange, issues }: Props) {
  const { t } = useTranslation();
  const s = readOfferState(value);
  const put = (next: OfferFormState) => onChange(writeOfferState(next));
  const putRow = (i: number, k: 'kind' | 'text' | 'amount', v: string) =>
    put({ ...s, rows: s.rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)) });
  const bad = (p: string) => (issues[p] ? 'error' : undefined);
  const kinds = OFFER_KINDS.map((k) => ({ value: k, label: t(`offer.kindLabel.${k}`) }));

  return (
    <div id={id} data-testid="resolution-offer">
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6, fontSize: 12 }}>
        {t('offer.hint')}
      </Typography.Text>
      <Radio.Group value={s.chosen} onChange={(e) => put({ ...s, chosen: String(e.target.value) })}>
        {s.rows.map((r, i) => {
          const p = `offer.options.${i}`;
          const n = i + 1;
          return (
            <div key={i} data-testid={`offer-row-${n}`} style={{ marginBottom: 6 }}>
              <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                <Radio value={String(i)} aria-label={t('offer.chooseThis', { n })} />
                <Select
                  id={`${id}-${i}-kind`}
                  aria-label={`${t('offer.option', { n })} ${t('offer.kind')}`}
                  placeholder={t('offer.kind')}
                  status={bad(`${p}.kind`)}
                  value={r.kind || undefined}
                  onChange={(v: string) => putRow(i, 'kind', v)}
                  options={kinds}
                  style={{ width: 128, flex: 'none' }}
                />
                <Input
                  id={`${id}-${i}-text`}
                  aria-label={`${t('offer.option', { n })} ${t('offer.text')}`}
                  placeholder={t('offer.text')}
                  status={bad(`${p}.text`)}
                  value={r.text}
                  maxLength={200}
                  onChange={(e) => putRow(i, 'text', e.target.value)}
                />
                <Input
                  id={`${id}-${i}-amount`}
                  aria-label={`${t('offer.option', { n })} ${t('offer.amount')}`}
                  placeholder={t('offer.amount')}
                  status={bad(`${p}.amountFen`)}
                  inputMode="decimal"
                  value={r.amount}
                  onChange={(e) => putRow(i, 'amount', e.target.value)}
                  style={{ width: 92, flex: 'none' }}
                />
                <Button
                  type="link"
                  size="small"
                  aria-label={t('offer.remove', { n })}
                  onClick={() => put(removeRow(s, i))}
                  style={{ flex: 'none', paddingInline: 2 }}
                >
                  {t('offer.removeShort')}
                </Button>
              </div>
              <div style={{ paddingLeft: 30 }}>
                <Message issues={issues} path={`${p}.kind`} id={`${id}-${i}-kind-help`} />
                <Message issues={issues} path={`${p}.text`} id={`${id}-${i}-text-help`} />
                <Message issues={issues} path={`${p}.amountFen`} id={`${id}-${i}-amount-help`} />
              </div>
            </div>
          );
        })}
        {s.rows.length > 0 && <Radio value={NONE_ACCEPTED}>{t('offer.noneAccepted')}</Radio>}
      </Radio.Group>
      <Message issues={issues} path="offer.chosen" id={`${id}-chosen-help`} />
      {s.chosen === NONE_ACCEPTED && (
        <div style={{ marginTop: 6 }}>
          <Input
            id={`${id}-note`}
            aria-label={t('offer.note')}
            placeholder={t('offer.note')}
            status={bad('offer.note')}
            value={s.note}
            maxLength={500}
            onChange={(e) => put({ ...s, note: e.target.value })}
          />
          <Message issues={issues} path="offer.note" id={`${id}-note-help`} />
        </div>
      )}
      {s.rows.length < MAX_OFFERED && (
        <Button size="small" onClick={() => put(addRow(s))} style={{ marginTop: 6 }}>
          + {t('offer.add')}
        </Button>
      )}
    </div>
  );
}
