// The notice to branches (通知): a title and a text, prefilled from the product flag it is sent
// from, to every branch or the chosen ones; checked with the contract's schema before it is sent,
// and what was typed stays on head office's refusal.
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticeBody, PRODUCT_PATHS, type ProductFlagRow } from '../../../src-headoffice/console/api-contract';
import { Field } from '../../components/Field';
import { postJson } from '../api';
import { healthQuery } from '../queries';
import { useConsoleSubmit } from '../useConsoleSubmit';

interface Props {
  flag: ProductFlagRow;
  days: number;
  onClose: () => void;
  onSent: () => void;
}

export function NoticeForm({ flag, days, onClose, onSent }: Props) {
  const { t } = useTranslation('console');
  const name = flag.name ?? flag.label;
  const [title, setTitle] = useState(() => t('products.defaultTitle', { name }));
  const [text, setText] = useState(() => t('products.defaultText', { name, label: flag.label, n: flag.cases, days }));
  const [branches, setBranches] = useState<string[]>([]);
  const known = useQuery(healthQuery);
  const { issues, error, busy, check, send } = useConsoleSubmit(t('products.fix'));

  const submit = async () => {
    if (busy) return;
    const body = check(NoticeBody, { noticeTitle: title, noticeText: text, branches, itemKey: flag.key });
    if (!body) return;
    const sent = await send(() => postJson(PRODUCT_PATHS.notices, body));
    if (sent) onSent();
  };

  return (
    <Modal
      open
      title={t('products.notify')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('products.cancel')}
        </Button>,
        <Button key="send" type="primary" loading={busy} onClick={() => void submit()} data-testid="notice-send">
          {t('products.send')}
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Form layout="vertical" component="div">
        <Field id="notice-title" path="noticeTitle" label={t('products.noticeTitle')} issues={issues}>
          <Input id="notice-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </Field>
        <Field id="notice-text" path="noticeText" label={t('products.noticeText')} issues={issues}>
          <Input.TextArea id="notice-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Field id="notice-branches" path="branches" label={t('products.noticeBranches')} issues={issues}>
          <Select
            id="notice-branches"
            mode="multiple"
            allowClear
            placeholder={t('products.allBranches')}
            value={branches}
            onChange={setBranches}
            options={(known.data?.branches ?? []).map((b) => ({ value: b.branch, label: b.branch }))}
          />
        </Field>
      </Form>
    </Modal>
  );
}
