// Exporting a person's data: the reason is asked first (refused in words when shorter than 2 characters, what
// was typed kept), then main renders the PDF and the JSON and writes the export to the access log; the PDF is
// shown with the print preview's pdf.js pages and both files are offered as downloads.
import { Alert, Button, Form, Input, Modal, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import type { PersonDataExport } from '../../../src-main/shared/person-data-types';
import type { Result } from '../../../src-main/shared/result';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';

// pdf.js only when an export is shown (as the print preview loads it).
const PdfPages = lazy(() => import('../print/PdfPages').then((m) => ({ default: m.PdfPages })));

const decode = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

function useBlobUrl(bytes: BlobPart | null, type: string): string | null {
  const url = useMemo(() => (bytes ? URL.createObjectURL(new Blob([bytes], { type })) : null), [bytes, type]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return url;
}

export function PersonExportDialog({
  phone,
  exportFiles,
  onClose,
}: {
  phone: string;
  exportFiles: (input: { phone: string; reason: string; lang: 'zh-CN' | 'en' }) => Promise<Result<PersonDataExport>>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<PersonDataExport | null>(null);
  const pdf = useMemo(() => (done ? decode(done.pdfBase64) : null), [done]);
  const pdfUrl = useBlobUrl(pdf as BlobPart | null, 'application/pdf');
  const jsonUrl = useBlobUrl(done ? done.json : null, 'application/json');

  const submit = async () => {
    const input = { phone, reason, lang: i18n.language === 'en' ? ('en' as const) : ('zh-CN' as const) };
    if (Object.keys(checkWith(inputSchemaOf('personalData.export'), input)).length)
      return setIssues({
        reason: { zh: t('pdr.exportReasonShort', { lng: 'zh-CN' }), en: t('pdr.exportReasonShort', { lng: 'en' }) },
      });
    setBusy(true);
    const r = await exportFiles(input);
    setBusy(false);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    setIssues({});
    setError(null);
    setDone(r.value);
  };

  return (
    <Modal
      open
      width={done ? 880 : 520}
      title={t('pdr.exportTitle')}
      onCancel={onClose}
      footer={
        done ? (
          <Button onClick={onClose}>{t('print.back')}</Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('pdr.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()}>
              {t('pdr.confirm')}
            </Button>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      {!done && (
        <>
          <Alert type="warning" showIcon message={t('pdr.exportNote')} style={{ marginBottom: 12 }} />
          <Form component={false} layout="vertical">
            <Field id="personExportReason" path="reason" label={t('pdr.exportReason')} issues={issues} required>
              <Input.TextArea
                id="personExportReason"
                rows={3}
                value={reason}
                placeholder={t('pdr.exportReasonPlaceholder')}
                onChange={(e) => (setReason(e.target.value), setIssues({}))}
              />
            </Field>
          </Form>
        </>
      )}
      {done && pdf && (
        <>
          <Alert type="success" showIcon message={t('pdr.exported')} style={{ marginBottom: 12 }} />
          <Space wrap style={{ marginBottom: 12 }}>
            {pdfUrl && (
              <Button type="primary" href={pdfUrl} download={done.pdfFileName} data-testid="person-pdf">
                {t('pdr.downloadPdf')}
              </Button>
            )}
            {jsonUrl && (
              <Button href={jsonUrl} download={done.jsonFileName} data-testid="person-json">
                {t('pdr.downloadJson')}
              </Button>
            )}
            {pdfUrl && (
              <Button href={pdfUrl} target="_blank">
                {t('pdr.openPdf')}
              </Button>
            )}
          </Space>
          <Typography.Text type="secondary">{done.pdfFileName}</Typography.Text>
          <div
            className="pdf-frame"
            data-file={done.pdfFileName}
            tabIndex={0}
            style={{ maxHeight: 520, overflow: 'auto' }}
          >
            <Suspense fallback={<Spin />}>
              <PdfPages data={pdf} label={t('pdr.preview')} />
            </Suspense>
          </div>
        </>
      )}
    </Modal>
  );
}
