// The reveal of one case's or slip's masked contact (issue 20 §1): the values arrive masked from main;
// a role the setting names sees a 显示完整信息 button that asks why, then main answers the values in full
// (and logs the reveal). The full values live only in this component's state, for this screen.
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, FieldIssue } from '../../../src-main/shared/errors';
import type { RevealedPersonalData } from '../../../src-main/shared/personal-data';
import type { PersonalDataState } from '../../../src-main/shared/types';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { type IssueMap, toIssueMap } from '../../lib/issues';

type Target = { caseId: string } | { slipId: string };

/** How a reveal is asked for: the branch's channel by default; the console passes head office's route. */
export type RevealCall = (
  reason: string,
) => Promise<{ ok: true; value: RevealedPersonalData } | { ok: false; message: Bilingual; issues: FieldIssue[] }>;

const branchReveal =
  (target: Target): RevealCall =>
  async (reason) => {
    const r = await invoke('personalData.reveal', { ...target, reason });
    return r.ok ? r : { ok: false, message: r.error.message, issues: r.error.issues };
  };

interface Props {
  target: Target;
  reveal?: RevealCall;
  state: PersonalDataState;
  values: RevealedPersonalData;
  /** Renders the values (masked, or in full once revealed) and the button where it belongs. */
  children: (values: RevealedPersonalData, button: ReactNode) => ReactNode;
}

export function RevealContact({ target, reveal, state, values, children }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<RevealedPersonalData | null>(null);
  const hasAny = values.customerPhone !== null || values.customerOtherContact !== null;
  const button =
    shown !== null ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pii-revealed">
        {t('pii.revealed')}
      </Typography.Text>
    ) : state.masked && state.mayReveal && hasAny ? (
      <Button size="small" onClick={() => setOpen(true)} data-testid="pii-reveal">
        {t('pii.reveal')}
      </Button>
    ) : null;
  return (
    <>
      {children(shown ?? values, button)}
      {open && (
        <RevealDialog
          reveal={reveal ?? branchReveal(target)}
          onClose={(v) => {
            setOpen(false);
            if (v) setShown(v);
          }}
        />
      )}
    </>
  );
}

function RevealDialog({ reveal, onClose }: { reveal: RevealCall; onClose: (v?: RevealedPersonalData) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    // The channel's own rule (shared/schemas/personal-data.ts): at least 2 characters once trimmed.
    if (reason.trim().length < 2)
      return setIssues({
        reason: { zh: t('pii.reasonShort', { lng: 'zh-CN' }), en: t('pii.reasonShort', { lng: 'en' }) },
      });
    const r = await reveal(reason);
    if (!r.ok) {
      setError(pick(r.message));
      setIssues(toIssueMap(r.issues));
      return;
    }
    onClose(r.value);
  };
  return (
    <Modal
      open
      title={t('pii.revealTitle')}
      okText={t('pii.confirm')}
      cancelText={t('pii.cancel')}
      onOk={() => void submit()}
      onCancel={() => onClose()}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t('pii.revealNote')}</Typography.Paragraph>
      <Form component={false} layout="vertical">
        <Field id="piiRevealReason" path="reason" label={t('pii.reason')} issues={issues} required>
          <Input.TextArea
            id="piiRevealReason"
            rows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setIssues({});
            }}
          />
        </Field>
      </Form>
    </Modal>
  );
}
