// The settings screen's follow-up fields (回访): how many follow-ups are proposed after feedback
// and the days after feedback for each, and how many unreachable attempts allow filing a case as
// "customer unreachable". Main's schema checks them (each later than the one before, 1–90 days).
import { InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import type { IssueMap } from '../../lib/issues';

export interface FollowUpSettingsValue {
  followUpDays: number[];
  unreachableAttemptsToFile: number;
}

interface Props {
  value: FollowUpSettingsValue;
  onChange: (v: FollowUpSettingsValue) => void;
  issues: IssueMap;
}

const MAX_FOLLOW_UPS = 5;

export function FollowUpSettings({ value, onChange, issues }: Props) {
  const { t } = useTranslation();
  const days = value.followUpDays;
  const setCount = (n: number) => {
    const count = Math.max(0, Math.min(MAX_FOLLOW_UPS, Math.round(n)));
    const next = days.slice(0, count);
    while (next.length < count) next.push((next[next.length - 1] ?? 0) + 3);
    onChange({ ...value, followUpDays: next });
  };
  const setDay = (i: number, n: number) =>
    onChange({ ...value, followUpDays: days.map((d, j) => (j === i ? Math.round(n) : d)) });
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('settings.followUpSection')}
      </Typography.Title>
      <div className="form-grid">
        <Field id="followUpCount" path="followUpDays" label={t('settings.followUpCount')} issues={issues}>
          <InputNumber
            id="followUpCount"
            min={0}
            max={MAX_FOLLOW_UPS}
            value={days.length}
            onChange={(n) => setCount(Number(n ?? 0))}
            style={{ width: '100%' }}
          />
        </Field>
        {days.map((d, i) => (
          <Field
            key={i}
            id={`followUpDay${i}`}
            path={`followUpDays.${i}`}
            label={t('settings.followUpDay', { n: i + 1 })}
            issues={issues}
          >
            <InputNumber
              id={`followUpDay${i}`}
              min={1}
              max={90}
              value={d}
              onChange={(n) => setDay(i, Number(n ?? 0))}
              style={{ width: '100%' }}
            />
          </Field>
        ))}
        <Field id="unreachableAttemptsToFile" label={t('settings.unreachableAttemptsToFile')} issues={issues}>
          <InputNumber
            id="unreachableAttemptsToFile"
            min={1}
            max={10}
            value={value.unreachableAttemptsToFile}
            onChange={(n) => onChange({ ...value, unreachableAttemptsToFile: Number(n ?? 0) })}
            style={{ width: '100%' }}
          />
        </Field>
      </div>
    </>
  );
}
