// The 批示 form: checked with the contract's zod schema before it is sent, head office's
// field issues shown after; what was typed stays on screen on any refusal. Ctrl+Enter sends
// (never the Enter that confirms an IME composition; a plain Enter is a new line). The
// clientId is kept until head office confirms, so a retry after a lost answer is not a
// second instruction (the contract makes the POST idempotent by it). The 批示 already in force
// are shown above the form; sending another asks to confirm first (head office refuses a second
// one unconfirmed, also when another reviewer's arrived meanwhile).
import { Alert, App, Button, Form, Input } from 'antd';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v4 as uuidv4 } from 'uuid';
import {
  type ConsoleInstruction,
  caseInstructionsPath,
  INSTRUCTION_MAX_CHARS,
  InstructionBody,
  type InstructionAnswer,
} from '../../../src-headoffice/console/api-contract';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { formKeys } from '../../lib/keys';
import { postJson } from '../api';
import { consoleChains } from './InstructionVersions';
import { useConsoleSubmit } from '../useConsoleSubmit';

interface Props {
  branch: string;
  caseId: string;
  /** The case's instructions as head office holds them (every version). */
  given?: ConsoleInstruction[];
  onSent: (answer: InstructionAnswer) => void;
}

export function InstructionForm({ branch, caseId, given = [], onSent }: Props) {
  const { t } = useTranslation('console');
  const { modal } = App.useApp();
  const inForce = consoleChains(given).filter((x) => x.state !== 'withdrawn');
  const [text, setText] = useState('');
  const [clientId, setClientId] = useState(() => uuidv4());
  const { issues, error, busy, setError, check, send } = useConsoleSubmit(t('instruct.fix'));

  const confirmAnother = (n: number) =>
    modal.confirm({
      title: t('instruct.againTitle'),
      content: t('instruct.againText', { n }),
      okText: t('instruct.againOk'),
      cancelText: t('versions.cancel'),
      onOk: () => void submit(true),
    });

  const submit = async (confirmed = false) => {
    if (busy) return;
    const body = check(InstructionBody, { clientId, text, ...(confirmed ? { confirmAnother: true } : {}) });
    if (!body) return;
    if (!confirmed && inForce.length > 0) {
      confirmAnother(inForce.length);
      return;
    }
    const answer = await send(
      () => postJson<InstructionAnswer>(caseInstructionsPath(branch, caseId), body),
      (e) => {
        if (e.code !== 'CONFLICT' || confirmed || e.issues.length > 0) return false;
        // Another reviewer's 批示 arrived meanwhile: the same question, with head office's words.
        setError(pick(e.messages));
        confirmAnother(Math.max(1, inForce.length));
        return true;
      },
    );
    if (!answer) return;
    setText('');
    setClientId(uuidv4());
    onSent(answer);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };

  return (
    <Form component={false} layout="vertical">
      <form onSubmit={onSubmit} aria-label={t('instruct.title')} {...formKeys(() => void submit())}>
        {inForce.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="instruct-given"
            message={t('instruct.given', { n: inForce.length })}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {inForce.map((x) => (
                  <li key={x.original.instructionId} style={{ whiteSpace: 'pre-wrap' }}>
                    {x.text}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={error}
            style={{ marginBottom: 8 }}
            data-testid="instruct-error"
          />
        )}
        <Field id="instruction-text" path="text" label={t('instruct.label')} issues={issues} required>
          <Input.TextArea
            id="instruction-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('instruct.placeholder')}
            autoSize={{ minRows: 4, maxRows: 10 }}
            aria-describedby="instruction-count"
          />
        </Field>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span id="instruction-count" className="muted" style={{ fontSize: 12 }}>
            {t('instruct.chars', { n: text.trim().length, max: INSTRUCTION_MAX_CHARS })}
          </span>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('instruct.submit')}
          </Button>
        </div>
      </form>
    </Form>
  );
}
