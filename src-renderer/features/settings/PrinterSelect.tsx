// The printer forms go to, from the list the operating system gives main. Empty means the
// system's default printer; where printers cannot be listed (the browser), the field says so.
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';

export function PrinterSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (name: string) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['printers'], queryFn: () => call('print.printers', {}) });
  const listed = q.data?.printers ?? [];
  const options = [
    { value: '', label: t('settings.defaultPrinter') },
    ...listed.map((p) => ({
      value: p.name,
      label: p.displayName === p.name ? p.name : `${p.displayName} (${p.name})`,
    })),
    // A remembered printer that is not connected now stays visible rather than silently dropped.
    ...(value && !listed.some((p) => p.name === value)
      ? [{ value, label: t('settings.printerMissing', { name: value }) }]
      : []),
  ];
  return (
    <>
      <Select id={id} value={value} onChange={onChange} options={options} loading={q.isPending} />
      {q.data && !q.data.available && (
        <Typography.Text type="secondary">{t('settings.printersUnavailable')}</Typography.Text>
      )}
    </>
  );
}
