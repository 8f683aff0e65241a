// The case page's 催办 card: the reminders head office sent the branch (who, when, whether the
// branch has received it), and a 催办 button opening a small form, checked with the contract's
// schema before it is sent; what was typed stays on any refusal. A closed case takes none.
import { Alert, Button, Card, Form, Input, List, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CaseDetail,
  caseRemindersPath,
  REMINDER_MAX_CHARS,
  ReminderBody,
  type ReminderAnswer,
} from '../../../src-headoffice/console/api-contract';
import { Field } from '../../components/Field';
import { formKeys } from '../../lib/keys';
import { postJson } from '../api';
import { shTime } from '../labels';
import { useConsoleSubmit } from '../useConsoleSubmit';

const CLOSED = ['filed', 'not_accepted'];

export function CaseReminders({ detail, onSent }: { detail: CaseDetail; onSent: () => void }) {
  const { t, i18n } = useTranslation('console');
  const lang = i18n.language;
  const sent = detail.reminders ?? [];
  const closed = CLOSED.includes(detail.case.status);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const { issues, error, busy, check, send } = useConsoleSubmit(t('remind.fix'));

  const submit = async () => {
    if (busy) return;
    const body = check(ReminderBody, { message: text });
    if (!body) return;
    const sent = await send(() => postJson<ReminderAnswer>(caseRemindersPath(detail.branch, detail.case.id), body));
    if (!sent) return;
    setText('');
    setOpen(false);
    onSent();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('remind.title')}</h2>}
      extra={
        !closed &&
        !open && (
          <Button onClick={() => setOpen(true)} data-testid="remind-open">
            {t('remind.open')}
          </Button>
        )
      }
      style={{ marginBottom: 12 }}
      data-testid="reminders"
    >
      {sent.length === 0 ? (
        <Typography.Text type="secondary">{t('remind.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={sent}
          rowKey={(r) => r.reminderId}
          renderItem={(r) => (
            <List.Item data-testid="reminder">
              <div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.message}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('remind.by', { who: r.reviewerName, at: shTime(Date.parse(r.sentAt), lang) })} ·{' '}
                  {r.receivedAt === null
                    ? t('remind.notReceived')
                    : t('remind.received', { at: shTime(r.receivedAt, lang) })}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
      {closed && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('remind.closed')}
        </Typography.Paragraph>
      )}
      {open && (
        <Form component={false} layout="vertical">
          <form
            onSubmit={onSubmit}
            aria-label={t('remind.title')}
            style={{ marginTop: 8 }}
            {...formKeys(() => void submit())}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('remind.hint')}
            </Typography.Paragraph>
            {error && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={error}
                style={{ marginBottom: 8 }}
                data-testid="remind-error"
              />
            )}
            <Field id="reminder-message" path="message" label={t('remind.label')} issues={issues} required>
              <Input.TextArea
                id="reminder-message"
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('remind.placeholder')}
                autoSize={{ minRows: 2, maxRows: 6 }}
                aria-describedby="reminder-count"
              />
            </Field>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
              <span id="reminder-count" className="muted" style={{ fontSize: 12 }}>
                {t('remind.chars', { n: text.trim().length, max: REMINDER_MAX_CHARS })}
              </span>
              <span>
                <Button onClick={() => setOpen(false)} style={{ marginRight: 8 }}>
                  {t('remind.cancel')}
                </Button>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('remind.submit')}
                </Button>
              </span>
            </div>
          </form>
        </Form>
      )}
    </Card>
  );
}
