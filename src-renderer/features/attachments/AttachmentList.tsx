// The attachments of a case or a slip as a list: a thumbnail for images (and PDFs that have one), a PDF or
// audio sign otherwise, the kind, name, time in the branch's zone and who; voided ones struck through with
// the reason; a restricted one (an ID copy or a recording for a clerk) by its kind only, without name or content.
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AttachmentView, mediaOf } from '../../../src-main/shared/attachment-types';
import { call } from '../../lib/api';
import { useBranchZone } from '../../lib/branch-zone';
import { formatTime } from '../../lib/format';
import { objectUrlOf } from './attachment-files';

const BOX = 72;

function Thumb({ a }: { a: AttachmentView }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['attachmentContent', a.id, 'thumb'],
    queryFn: () => call('attachments.content', { id: a.id, variant: 'thumb' }),
    enabled: a.hasThumb && !a.restricted,
    staleTime: Infinity,
  });
  const url = useMemo(() => (q.data ? objectUrlOf(q.data) : null), [q.data]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const box = {
    width: BOX,
    height: BOX,
    display: 'grid',
    placeItems: 'center',
    background: '#f5f5f5',
    borderRadius: 4,
  };
  const media = mediaOf(a.mime);
  // No icon font: a word in the box says what the file is (the list says it again for screen readers).
  const badge = (word: string) => (
    <span style={{ ...box, fontSize: 13, fontWeight: 600, color: '#434343' }} aria-hidden>
      {word}
    </span>
  );
  if (a.restricted) return badge(t('attach.restrictedBadge'));
  if (url)
    return (
      <img
        src={url}
        alt={t('attach.kindLabel.' + a.kind)}
        data-testid="attachment-thumb"
        style={{ ...box, objectFit: 'cover' }}
      />
    );
  return badge(media === 'pdf' ? 'PDF' : media === 'audio' ? t('attach.audio') : t('attach.file'));
}

export function AttachmentList(props: {
  items: AttachmentView[];
  onOpen: (a: AttachmentView) => void;
  onVoid: ((a: AttachmentView) => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const zone = useBranchZone();
  const time = (ms: number | null) => formatTime(ms, zone, i18n.language);
  if (props.items.length === 0)
    return <Typography.Text style={{ color: '#595959' }}>{t('attach.none')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('attach.title')}>
      {props.items.map((a) => {
        const voided = a.voidedAt !== null;
        const kind = t(`attach.kindLabel.${a.kind}`);
        return (
          <li
            key={a.id}
            data-attachment={a.id}
            data-kind={a.kind}
            data-voided={voided || undefined}
            style={{ display: 'flex', gap: 12, padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Thumb a={a} />
            <div style={{ minWidth: 0, flex: 1 }}>
              <div style={{ textDecoration: voided ? 'line-through' : undefined, overflowWrap: 'anywhere' }}>
                <strong>{kind}</strong>
                {a.restricted ? (
                  <span data-testid="attachment-restricted" style={{ marginLeft: 8, color: '#595959' }}>
                    {t('attach.restricted')}
                  </span>
                ) : (
                  <span style={{ marginLeft: 8 }}>{a.name}</span>
                )}
              </div>
              <div style={{ color: '#595959', fontSize: 12 }}>
                {t('attach.by', { name: a.addedByName, at: time(a.addedAt) })}
                {' · '}
                {a.uploaded ? t('attach.uploaded') : t('attach.notUploaded')}
              </div>
              {voided && (
                <div style={{ color: '#a8071a', fontSize: 12 }}>
                  {t('attach.voidedBy', {
                    name: a.voidedByName ?? '',
                    at: time(a.voidedAt),
                    reason: a.voidReason ?? '',
                  })}
                </div>
              )}
              <Space size={4} style={{ marginTop: 4 }}>
                {!a.restricted && (
                  <Button
                    size="small"
                    autoInsertSpace={false}
                    onClick={() => props.onOpen(a)}
                    aria-label={`${mediaOf(a.mime) === 'audio' ? t('attach.play') : t('attach.view')} ${a.name ?? kind}`}
                  >
                    {mediaOf(a.mime) === 'audio' ? t('attach.play') : t('attach.view')}
                  </Button>
                )}
                {props.onVoid && !voided && !a.restricted && (
                  <Button
                    size="small"
                    autoInsertSpace={false}
                    danger
                    onClick={() => props.onVoid?.(a)}
                    aria-label={`${t('attach.void')} ${a.name ?? kind}`}
                  >
                    {t('attach.void')}
                  </Button>
                )}
              </Space>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
