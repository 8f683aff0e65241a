// Print preview: main renders the form (print.render); the pages are drawn with pdf.js and
// the same bytes are offered in the browser's PDF viewer (a new tab) and as a download (blob
// URL). In the desktop shell the form can go to the printer or be saved through main's dialog instead.
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintKind } from '../../../src-main/shared/schemas/slip';
import { pick } from '../../i18n';
import { ApiError, call, inDesktopShell, invoke } from '../../lib/api';
import { PdfPages } from './PdfPages';

const decode = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

export function PrintPreview({ kind, id }: { kind: PrintKind; id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useQuery({
    queryKey: ['print', kind, id],
    queryFn: () => call('print.render', { kind, id }),
    staleTime: 0,
    gcTime: 0,
  });
  const bytes = useMemo(() => (q.data ? decode(q.data.pdfBase64) : null), [q.data]);
  const url = useMemo(
    () => (bytes ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' })) : null),
    [bytes],
  );
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const toPrinter = async () => {
    const r = await invoke('print.toPrinter', { kind, id });
    if (!r.ok) return void message.error(pick(r.error.message));
    if (r.value.printed) void message.success(t('print.printed'));
  };
  const saveAs = async () => {
    const r = await invoke('print.saveAs', { kind, id });
    if (!r.ok) return void message.error(pick(r.error.message));
    if (r.value.path) void message.success(t('print.saved', { path: r.value.path }));
  };

  return (
    <>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => window.history.back()}>{t('print.back')}</Button>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('print.title')}
        </Typography.Title>
        {inDesktopShell() ? (
          <>
            <Button type="primary" onClick={() => void toPrinter()}>
              {t('print.toPrinter')}
            </Button>
            <Button onClick={() => void saveAs()}>{t('print.saveAs')}</Button>
          </>
        ) : (
          url &&
          q.data && (
            <>
              {/* In a browser (browser mode of npm start) printing goes through the browser's own PDF viewer. */}
              <Button type="primary" href={url} target="_blank" className="print-open-viewer">
                {t('print.openInViewer')}
              </Button>
              <Button href={url} download={q.data.fileName}>
                {t('print.download')}
              </Button>
            </>
          )
        )}
      </Space>
      {q.isPending && (
        <Spin tip={t('print.loading')}>
          <div style={{ height: 80 }} />
        </Spin>
      )}
      {q.error && (
        <Alert
          type="error"
          showIcon
          message={q.error instanceof ApiError ? pick(q.error.messages) : t('common.error')}
        />
      )}
      {bytes && q.data && (
        <div className="pdf-frame" data-file={q.data.fileName} tabIndex={0}>
          <PdfPages data={bytes} label={t('print.frame')} />
        </div>
      )}
    </>
  );
}
