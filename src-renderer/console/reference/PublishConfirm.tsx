// The confirmation before a reference record is published (issue 21 §4): what is published and which
// branches receive it (every branch head office knows, from the sync-health list).
import { useQuery } from '@tanstack/react-query';
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { healthQuery } from '../queries';

interface Props {
  what: string;
  busy: boolean;
  onOk: () => void;
  onClose: () => void;
}

export function PublishConfirm({ what, busy, onOk, onClose }: Props) {
  const { t } = useTranslation('console');
  const known = useQuery(healthQuery);
  const branches = (known.data?.branches ?? []).map((b) => b.branch);
  return (
    <Modal
      open
      title={t('reference.publishTitle', { what })}
      okText={t('reference.publishOk')}
      cancelText={t('reference.cancel')}
      confirmLoading={busy}
      onOk={onOk}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'publish-confirm' }}
    >
      <p data-testid="publish-branches">
        {branches.length
          ? t('reference.publishTo', { n: branches.length, branches: branches.join('、') })
          : t('reference.publishToAll')}
      </p>
    </Modal>
  );
}
