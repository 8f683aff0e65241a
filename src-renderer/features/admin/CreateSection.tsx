// The "add one" form under each admin table: heading, main's refusal, the fields in the
// form grid, and the submit button (Ctrl+Enter submits, a plain Enter never does).
import { Alert, Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { formKeys } from '../../lib/keys';

interface Props {
  title: string;
  submitLabel: string;
  error: string | null;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

export function CreateSection({ title, submitLabel, error, busy, onSubmit, children }: Props) {
  return (
    <>
      <h2 style={{ fontSize: 15, marginTop: 24 }}>{title}</h2>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form component={false} layout="vertical">
        <form aria-label={title} {...formKeys(onSubmit)} onSubmit={(e) => (e.preventDefault(), onSubmit())}>
          <div className="form-grid">{children}</div>
          <Button type="primary" htmlType="submit" loading={busy}>
            {submitLabel}
          </Button>
        </form>
      </Form>
    </>
  );
}
