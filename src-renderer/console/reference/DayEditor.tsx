// One day of the working calendar set by an editor (issue 21 §4): ordinary, holiday, 调休上班 or closed, with
// the holiday's name in Chinese and English (checked with the shared schema's Bilingual before it is kept).
// Nothing is sent: the change goes into the year's draft, published with the rest.
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bilingual } from '../../../src-main/shared/reference-data';
import type { DayKindShown, GridCell } from './calendar-grid';

const KINDS: DayKindShown[] = ['ordinary', 'holiday', 'workday', 'closed'];

interface Props {
  cell: GridCell;
  /** The name of the nearest listed day, offered for a new one (a holiday's next day is usually the same holiday). */
  suggested: Bilingual | null;
  onApply: (kind: DayKindShown, name: Bilingual) => void;
  onClose: () => void;
}

export function DayEditor({ cell, suggested, onApply, onClose }: Props) {
  const { t } = useTranslation('console');
  const [kind, setKind] = useState<DayKindShown>(cell.kind);
  const [zh, setZh] = useState(cell.entry?.name.zh ?? suggested?.zh ?? '');
  const [en, setEn] = useState(cell.entry?.name.en ?? suggested?.en ?? '');
  const [problem, setProblem] = useState(false);
  const weekdays = t('reference.weekdays').split(',');
  const wd = weekdays[(new Date(`${cell.date}T00:00:00Z`).getUTCDay() + 6) % 7] ?? '';

  const apply = () => {
    const name = Bilingual.safeParse({ zh, en });
    if (kind !== 'ordinary' && !name.success) return setProblem(true);
    onApply(kind, name.success ? name.data : { zh: '-', en: '-' });
  };

  return (
    <Modal
      open
      title={t('reference.dayTitle', { date: cell.date, wd })}
      okText={t('reference.apply')}
      cancelText={t('reference.cancel')}
      onOk={apply}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'day-apply' }}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('reference.dayKind')}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as DayKindShown)}
            options={KINDS.map((k) => ({ value: k, label: t(`reference.kind.${k}`) }))}
          />
        </Form.Item>
        {kind !== 'ordinary' && (
          <>
            {problem && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={t('reference.nameNeeded')}
                style={{ marginBottom: 8 }}
              />
            )}
            <Form.Item label={<label htmlFor="day-name-zh">{t('reference.nameZh')}</label>}>
              <Input id="day-name-zh" value={zh} maxLength={400} onChange={(e) => setZh(e.target.value)} />
            </Form.Item>
            <Form.Item label={<label htmlFor="day-name-en">{t('reference.nameEn')}</label>}>
              <Input id="day-name-en" value={en} maxLength={400} onChange={(e) => setEn(e.target.value)} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
