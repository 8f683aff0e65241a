// The settings screen's list of reasons for 不予受理 (settings.declineReasons): the manager adds a
// reason, renames one in Chinese and English, or removes one. Codes never change (a new reason gets a
// fresh one); a case keeps the words of the reason chosen, so renaming or removing changes no case.
import { Button, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type DeclineReason, MAX_DECLINE_REASONS } from '../../../src-main/shared/decline-reasons';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import type { IssueMap } from '../../lib/issues';

interface Props {
  value: DeclineReason[];
  onChange: (v: DeclineReason[]) => void;
  issues: IssueMap;
  /** The instant a new code is made from (the screen passes Date.now). */
  now: () => number;
}

/** A code no reason in the list has: `added_` and the instant in base 36, so a removed code is not handed out again. */
export function newReasonCode(list: readonly DeclineReason[], at: number): string {
  let n = at;
  const taken = new Set(list.map((r) => r.code));
  while (taken.has(`added_${n.toString(36)}`)) n += 1;
  return `added_${n.toString(36)}`;
}

export function DeclineReasonSettings({ value, onChange, issues, now }: Props) {
  const { t } = useTranslation();
  const set = (i: number, key: 'zh' | 'en', text: string) =>
    onChange(value.map((r, j) => (j === i ? { ...r, [key]: text } : r)));
  const listIssue = issues.declineReasons;
  return (
    <section aria-labelledby="declineReasonsTitle" data-testid="decline-reasons">
      <Typography.Title level={2} id="declineReasonsTitle" style={{ fontSize: 16 }}>
        {t('settings.declineReasons.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('settings.declineReasons.hint')}
      </Typography.Paragraph>
      {listIssue && (
        <Typography.Paragraph type="danger" id="declineReasons-help" role="alert">
          {pick(listIssue)}
        </Typography.Paragraph>
      )}
      <ol className="decline-reasons" style={{ paddingLeft: 20, maxWidth: 900 }}>
        {value.map((r, i) => {
          const codeIssue = issues[`declineReasons.${i}.code`];
          return (
            <li key={r.code} data-code={r.code}>
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr auto', gap: 12, alignItems: 'start' }}>
                <Field
                  id={`declineReason${i}zh`}
                  path={`declineReasons.${i}.zh`}
                  label={t('settings.declineReasons.zh', { n: i + 1 })}
                  issues={issues}
                >
                  <Input
                    id={`declineReason${i}zh`}
                    value={r.zh}
                    maxLength={80}
                    onChange={(e) => set(i, 'zh', e.target.value)}
                  />
                </Field>
                <Field
                  id={`declineReason${i}en`}
                  path={`declineReasons.${i}.en`}
                  label={t('settings.declineReasons.en', { n: i + 1 })}
                  issues={issues}
                >
                  <Input
                    id={`declineReason${i}en`}
                    value={r.en}
                    maxLength={120}
                    onChange={(e) => set(i, 'en', e.target.value)}
                  />
                </Field>
                <Button
                  style={{ marginTop: 30 }}
                  // No space inserted between two Chinese characters: the visible word starts the accessible name.
                  autoInsertSpace={false}
                  aria-label={t('settings.declineReasons.removeOne', { n: i + 1 })}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  {t('settings.declineReasons.remove')}
                </Button>
              </div>
              {codeIssue && <Typography.Text type="danger">{pick(codeIssue)}</Typography.Text>}
            </li>
          );
        })}
      </ol>
      <Button
        onClick={() => onChange([...value, { code: newReasonCode(value, now()), zh: '', en: '' }])}
        disabled={value.length >= MAX_DECLINE_REASONS}
        style={{ marginBottom: 16 }}
      >
        {t('settings.declineReasons.add')}
      </Button>
      {value.length >= MAX_DECLINE_REASONS && (
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {t('settings.declineReasons.full', { n: MAX_DECLINE_REASONS })}
        </Typography.Text>
      )}
    </section>
  );
}
