// The header's "change PIN" entry: the signed-in user's own PIN, in a dialog.
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePinForm } from '../auth/ChangePinForm';

export function ChangePinButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('staff.changePin')}</Button>
      <Modal open={open} title={t('staff.changePin')} footer={null} destroyOnHidden onCancel={() => setOpen(false)}>
        <ChangePinForm onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}
