// A required PIN field: digits typed hidden, the browser told whether it is the user's current PIN or a
// new one (so a password manager neither fills a new PIN nor offers to save a sign-in as new).
import { Input } from 'antd';
import type { IssueMap } from '../lib/issues';
import { Field } from './Field';

export function PinField(props: {
  id: string;
  label: string;
  issues: IssueMap;
  /** The schema path the field answers to; defaults to the id. */
  path?: string;
  value: string;
  onChange: (value: string) => void;
  current?: boolean;
  autoFocus?: boolean;
  maxLength?: number;
}) {
  return (
    <Field
      id={props.id}
      {...(props.path ? { path: props.path } : {})}
      label={props.label}
      issues={props.issues}
      required
    >
      <Input.Password
        id={props.id}
        inputMode="numeric"
        autoComplete={props.current ? 'current-password' : 'new-password'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...(props.autoFocus ? { autoFocus: true } : {})}
        {...(props.maxLength ? { maxLength: props.maxLength } : {})}
      />
    </Field>
  );
}
