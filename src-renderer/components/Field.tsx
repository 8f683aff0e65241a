// A labelled form field showing its message (from the shared schema or from main) in the
// current language. The label is tied to the control by id for screen readers and tests.
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { pick } from '../i18n';
import type { IssueMap } from '../lib/issues';

interface Props {
  id: string;
  label: string;
  issues?: IssueMap;
  /** The dotted schema path this field answers to; defaults to the id. */
  path?: string;
  required?: boolean;
  children: ReactNode;
}

export function Field({ id, label, issues, path, required, children }: Props) {
  const issue = issues?.[path ?? id];
  return (
    <Form.Item
      label={<label htmlFor={id}>{label}</label>}
      required={required ?? false}
      validateStatus={issue ? 'error' : ''}
      help={issue ? <span id={`${id}-help`}>{pick(issue)}</span> : undefined}
      style={{ marginBottom: 12 }}
    >
      {children}
    </Form.Item>
  );
}
