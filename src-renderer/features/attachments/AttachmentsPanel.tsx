// The evidence of a case or a slip (issue 19): add by the file picker, drag and drop, paste (Ctrl+V of a
// screenshot or a photo copied from WeChat, anywhere on the screen) or the PC's camera, with the kind
// chosen first; the list with thumbnails, a viewer or player, and void with a reason. Files go to main as
// base64 (attachments.add), after the size check against settings.attachmentMaxMb; main decides the type
// from the bytes and its refusals (too large, wrong type, HEIC it cannot decode) are shown here in words.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Spin } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  type AttachmentOwnerType,
  type AttachmentView,
} from '../../../src-main/shared/attachment-types';
import { pick } from '../../i18n';
import { ApiError, call, invoke } from '../../lib/api';
import { useBranchZone } from '../../lib/branch-zone';
import { Section } from '../cases/CaseFields';
import { useSession } from '../shell/session';
import { generatedName, overLimit, PICKER_ACCEPT, readBase64, sizeMb } from './attachment-files';
import { AttachmentList } from './AttachmentList';
import { CameraCapture, useHasCamera } from './CameraCapture';
import { VoidAttachmentDialog } from './VoidAttachmentDialog';

// The viewer brings pdf.js: loaded when an attachment is first opened, not with the case screen.
const AttachmentViewer = lazy(() => import('./AttachmentViewer').then((m) => ({ default: m.AttachmentViewer })));

export function AttachmentsPanel({ owner }: { owner: { type: AttachmentOwnerType; id: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useSession();
  const maxMb = settings.attachmentMaxMb ?? 20;
  const qc = useQueryClient();
  const key = ['attachments', owner.type, owner.id];
  const q = useQuery({ queryKey: key, queryFn: () => call('attachments.list', { owner }) });
  const [kind, setKind] = useState<AttachmentKind>('goods_photo');
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [open, setOpen] = useState<AttachmentView | null>(null);
  const [voiding, setVoiding] = useState<AttachmentView | null>(null);
  const [camera, setCamera] = useState(false);
  const hasCamera = useHasCamera();
  const picker = useRef<HTMLInputElement>(null);
  // The paste listener is the document's: it reads the latest send through this ref.
  const sendRef = useRef<(files: File[]) => Promise<void>>(async () => undefined);
  const zone = useBranchZone();
  const zoneRef = useRef(zone);
  zoneRef.current = zone;

  const send = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    const refused: string[] = [];
    for (const file of files) {
      if (overLimit(file.size, maxMb)) {
        refused.push(t('attach.tooLarge', { name: file.name, size: sizeMb(file.size), mb: maxMb }));
        continue;
      }
      let dataBase64: string;
      try {
        dataBase64 = await readBase64(file);
      } catch {
        refused.push(t('attach.readFailed', { name: file.name }));
        continue;
      }
      const r = await invoke('attachments.add', { owner, kind, name: file.name, dataBase64 });
      if (!r.ok) refused.push(`${file.name}:${pick(r.error.message)}`);
      else if (r.value.duplicateOf) void message.info(t('attach.duplicate', { name: file.name }));
      else void message.success(t('attach.added', { name: file.name }));
    }
    setRefusals(refused);
    setBusy(false);
    void qc.invalidateQueries({ queryKey: key });
  };
  sendRef.current = send;

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      // A pasted screenshot is called image.png by every browser: name it by the time instead.
      const named = files.map((f) =>
        f.name && f.name !== 'image.png'
          ? f
          : new File([f], generatedName(t('attach.pastedName'), f.type.split('/')[1] ?? 'png', zoneRef.current), {
              type: f.type,
            }),
      );
      void sendRef.current(named);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [t]);

  return (
    <Section id="attachments" title={t('attach.title')}>
      <div data-testid="attachments-panel" style={{ padding: '8px 0' }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <label htmlFor={`attachment-kind-${owner.id}`}>{t('attach.kind')}</label>
          <Select
            id={`attachment-kind-${owner.id}`}
            value={kind}
            onChange={setKind}
            style={{ minWidth: 150 }}
            options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`attach.kindLabel.${k}`) }))}
          />
          <Button type="primary" onClick={() => picker.current?.click()} loading={busy}>
            {t('attach.pick')}
          </Button>
          {hasCamera && <Button onClick={() => setCamera(true)}>{t('attach.camera')}</Button>}
          <input
            ref={picker}
            type="file"
            multiple
            accept={PICKER_ACCEPT}
            data-testid="attachment-input"
            aria-label={t('attach.pick')}
            tabIndex={-1}
            style={{ display: 'none' }}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void send(files);
            }}
          />
        </Space>
        <div
          data-testid="attachment-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void send([...e.dataTransfer.files]);
          }}
          style={{
            border: `1px dashed ${dragging ? '#1677ff' : '#8c8c8c'}`,
            background: dragging ? '#e6f4ff' : '#fafafa',
            borderRadius: 6,
            padding: '10px 12px',
            marginBottom: 8,
            color: '#434343',
          }}
        >
          <div>{t('attach.drop')}</div>
          <div style={{ fontSize: 12, color: '#595959' }}>{t('attach.dropHint', { mb: maxMb })}</div>
        </div>
        <div aria-live="polite">
          {busy && <Spin size="small" aria-label={t('attach.adding')} />}
          {refusals.length > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="attachment-refusals"
              closable
              onClose={() => setRefusals([])}
              message={refusals.length === 1 ? refusals[0] : refusals.map((r) => <div key={r}>{r}</div>)}
              style={{ marginBottom: 8 }}
            />
          )}
        </div>
        {q.isPending ? (
          <Spin />
        ) : q.error ? (
          <Alert
            type="error"
            showIcon
            message={q.error instanceof ApiError ? pick(q.error.messages) : t('attach.loadFailed')}
          />
        ) : (
          <AttachmentList items={q.data} onOpen={setOpen} onVoid={setVoiding} />
        )}
      </div>
      {open && (
        <Suspense fallback={<Spin />}>
          <AttachmentViewer a={open} onClose={() => setOpen(null)} />
        </Suspense>
      )}
      {voiding && (
        <VoidAttachmentDialog
          attachment={voiding}
          onClose={(voided) => {
            setVoiding(null);
            if (voided) {
              void message.success(t('attach.void'));
              void qc.invalidateQueries({ queryKey: key });
            }
          }}
        />
      )}
      {camera && (
        <CameraCapture
          zone={zone}
          onClose={() => setCamera(false)}
          onShot={(file) => {
            setCamera(false);
            void send([file]);
          }}
        />
      )}
    </Section>
  );
}
