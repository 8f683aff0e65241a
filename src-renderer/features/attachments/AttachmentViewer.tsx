// Opens one attachment: an image full size, a PDF in the print preview's pdf.js pages, a recording in an
// <audio controls> player. The bytes come from main (attachments.content, which checks who may open it).
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AttachmentView, mediaOf } from '../../../src-main/shared/attachment-types';
import { pick } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { PdfPages } from '../print/PdfPages';
import { bytesOf, objectUrlOf } from './attachment-files';

export function AttachmentViewer({ a, onClose }: { a: AttachmentView; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['attachmentContent', a.id, 'file'],
    queryFn: () => call('attachments.content', { id: a.id, variant: 'file' }),
    staleTime: Infinity,
  });
  const media = mediaOf(a.mime);
  const url = useMemo(() => (q.data && media !== 'pdf' ? objectUrlOf(q.data) : null), [q.data, media]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const pdf = useMemo(() => (q.data && media === 'pdf' ? bytesOf(q.data) : null), [q.data, media]);
  const title = `${t(`attach.kindLabel.${a.kind}`)} · ${a.name ?? ''}`;

  return (
    <Modal
      open
      title={title}
      width={media === 'audio' ? 520 : 900}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('attach.close')}</Button>}
      destroyOnHidden
    >
      {q.isPending && <Spin />}
      {q.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={q.error instanceof ApiError ? pick(q.error.messages) : t('attach.loadFailed')}
        />
      )}
      {url && media === 'image' && (
        <img
          src={url}
          alt={title}
          data-testid="attachment-image"
          style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain', display: 'block', margin: '0 auto' }}
        />
      )}
      {url && media === 'audio' && (
        <audio controls src={url} aria-label={title} data-testid="attachment-audio" style={{ width: '100%' }} />
      )}
      {pdf && <PdfPages data={pdf} label={title} />}
    </Modal>
  );
}
