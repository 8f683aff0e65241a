// Voiding an attachment: never deleted, voided with a reason (refused in words when empty; what was
// typed stays in the box), as a slip is.
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../src-main/shared/attachment-types';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';

export function VoidAttachmentDialog(props: {
  attachment: AttachmentView;
  onClose: (voided?: AttachmentView) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const input = { id: props.attachment.id, reason };
    const found = checkWith(inputSchemaOf('attachments.void'), input);
    // The schema's own words are generic; the reason's refusal says what to write.
    if (Object.keys(found).length) {
      const words = {
        zh: t('attach.voidReasonShort', { lng: 'zh-CN' }),
        en: t('attach.voidReasonShort', { lng: 'en' }),
      };
      return setIssues({ reason: words });
    }
    const r = await invoke('attachments.void', input);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    props.onClose(r.value);
  };

  return (
    <Modal
      open
      title={`${t('attach.voidTitle')}:${props.attachment.name ?? t(`attach.kindLabel.${props.attachment.kind}`)}`}
      okText={t('attach.confirm')}
      cancelText={t('attach.cancel')}
      okButtonProps={{ danger: true }}
      onOk={() => void submit()}
      onCancel={() => props.onClose()}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t('attach.voidNote')}</Typography.Paragraph>
      <Form component={false} layout="vertical">
        <Field id="attachmentVoidReason" path="reason" label={t('attach.voidReason')} issues={issues} required>
          <Input.TextArea
            id="attachmentVoidReason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </Form>
    </Modal>
  );
}
