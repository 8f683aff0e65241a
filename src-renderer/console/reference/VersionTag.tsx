// The version head office holds of a reference record: who published it when, or that it is the version
// shipped with the app (seeded at head office, never sent: every branch already has it).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferenceRecord } from '../../../src-main/shared/reference-data';
import { shTime } from '../labels';

export function VersionTag({
  record,
  published,
  testId,
}: {
  record: ReferenceRecord;
  published: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation('console');
  return (
    <Tag data-testid={testId} style={{ whiteSpace: 'normal' }}>
      {published
        ? t('reference.publishedBy', {
            v: record.version,
            who: record.publishedBy,
            at: shTime(Date.parse(record.publishedAt), i18n.language),
          })
        : t('reference.shipped', { v: record.version })}
    </Tag>
  );
}
