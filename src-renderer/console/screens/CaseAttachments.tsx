// The case's evidence at head office (issue 19), read only: thumbnails, kind, name, time and who, voided
// ones struck through with the reason, and an ID copy or a recording by its kind only for a reviewer
// who may not open them (head office decides: no URLs then). Images open in a viewer, recordings in a
// player, PDFs in the browser's own viewer; the bytes are served by the console's file and thumb paths.
import { Button, Card, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleAttachment } from '../../../src-headoffice/console/api-contract';
import { mediaOf } from '../../../src-main/shared/attachment-types';
import { shTime } from '../labels';

const BOX = 72;

function Thumb({ a }: { a: ConsoleAttachment }) {
  const { t } = useTranslation('translation');
  const box = {
    width: BOX,
    height: BOX,
    display: 'grid',
    placeItems: 'center',
    background: '#f5f5f5',
    borderRadius: 4,
  };
  if (a.thumbUrl)
    return (
      <img
        src={a.thumbUrl}
        alt={t(`attach.kindLabel.${a.kind}`)}
        data-testid="attachment-thumb"
        style={{ ...box, objectFit: 'cover' }}
      />
    );
  const media = mediaOf(a.mime);
  const word = a.restricted
    ? t('attach.restrictedBadge')
    : media === 'pdf'
      ? 'PDF'
      : media === 'audio'
        ? t('attach.audio')
        : t('attach.file');
  return (
    <span style={{ ...box, fontSize: 13, fontWeight: 600, color: '#434343' }} aria-hidden>
      {word}
    </span>
  );
}

export function CaseAttachments({ items }: { items: ConsoleAttachment[] | undefined }) {
  const { t, i18n } = useTranslation('translation');
  const [open, setOpen] = useState<ConsoleAttachment | null>(null);
  const list = items ?? [];
  const title = (a: ConsoleAttachment) => `${t(`attach.kindLabel.${a.kind}`)} · ${a.name ?? ''}`;
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('attach.title')}</h2>}
      style={{ marginBottom: 12 }}
      data-testid="console-attachments"
    >
      {list.length === 0 ? (
        <Typography.Text style={{ color: '#595959' }}>{t('attach.none')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('attach.title')}>
          {list.map((a) => {
            const voided = a.voidedAt !== null;
            const media = mediaOf(a.mime);
            return (
              <li
                key={`${a.branch}/${a.id}`}
                data-attachment={a.id}
                data-kind={a.kind}
                style={{ display: 'flex', gap: 12, padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
              >
                <Thumb a={a} />
                <div style={{ minWidth: 0, flex: 1 }}>
                  <div style={{ textDecoration: voided ? 'line-through' : undefined, overflowWrap: 'anywhere' }}>
                    <strong>{t(`attach.kindLabel.${a.kind}`)}</strong>
                    <span style={{ marginLeft: 8, color: a.restricted ? '#595959' : undefined }}>
                      {a.restricted ? t('attach.restricted') : a.name}
                    </span>
                  </div>
                  <div style={{ color: '#595959', fontSize: 12 }}>
                    {t('attach.by', { name: a.addedByName, at: shTime(a.addedAt, i18n.language) })}
                    {!a.held && !a.restricted && ` · ${t('attach.notUploaded')}`}
                  </div>
                  {voided && (
                    <div style={{ color: '#a8071a', fontSize: 12 }}>
                      {t('attach.voidedBy', {
                        name: a.voidedByName ?? '',
                        at: shTime(a.voidedAt, i18n.language),
                        reason: a.voidReason ?? '',
                      })}
                    </div>
                  )}
                  {a.fileUrl && (
                    <Space size={4} style={{ marginTop: 4 }}>
                      {media === 'pdf' ? (
                        <Button
                          size="small"
                          autoInsertSpace={false}
                          href={a.fileUrl}
                          target="_blank"
                          aria-label={`${t('attach.view')} ${a.name ?? ''}`}
                        >
                          {t('attach.view')}
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          autoInsertSpace={false}
                          onClick={() => setOpen(a)}
                          aria-label={`${media === 'audio' ? t('attach.play') : t('attach.view')} ${a.name ?? ''}`}
                        >
                          {media === 'audio' ? t('attach.play') : t('attach.view')}
                        </Button>
                      )}
                    </Space>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {open?.fileUrl && (
        <Modal
          open
          title={title(open)}
          width={mediaOf(open.mime) === 'audio' ? 520 : 900}
          onCancel={() => setOpen(null)}
          footer={<Button onClick={() => setOpen(null)}>{t('attach.close')}</Button>}
        >
          {mediaOf(open.mime) === 'audio' ? (
            <audio controls src={open.fileUrl} aria-label={title(open)} style={{ width: '100%' }} />
          ) : (
            <img
              src={open.fileUrl}
              alt={title(open)}
              data-testid="attachment-image"
              style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain', display: 'block', margin: '0 auto' }}
            />
          )}
        </Modal>
      )}
    </Card>
  );
}
