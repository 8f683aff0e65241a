// A photo from the PC's camera: getUserMedia into a <video>, a capture to a canvas, a JPEG File handed to
// the panel, which attaches it like any other file. The stream stops when the dialog closes.
// useHasCamera: the button is shown only where the browser lists a camera.
import { Alert, Button, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generatedName } from './attachment-files';

/** Whether a camera exists (enumerateDevices lists a videoinput; labels need no permission for that). */
export function useHasCamera(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    let live = true;
    const md = navigator.mediaDevices;
    if (!md?.enumerateDevices || !md.getUserMedia) return;
    md.enumerateDevices()
      .then((ds) => live && setHas(ds.some((d) => d.kind === 'videoinput')))
      .catch(() => live && setHas(false));
    return () => {
      live = false;
    };
  }, []);
  return has;
}

export function CameraCapture(props: { zone: string; onShot: (f: File) => void; onClose: () => void }) {
  const { zone, onShot, onClose } = props;
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shot, setShot] = useState<{ file: File; url: string } | null>(null);

  useEffect(() => {
    let live = true;
    let opened: MediaStream | null = null;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        opened = s;
        if (!live) return s.getTracks().forEach((tr) => tr.stop());
        setStream(s);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      opened?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);
  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => undefined);
    }
  }, [stream, shot]);
  useEffect(() => () => void (shot && URL.revokeObjectURL(shot.url)), [shot]);

  const capture = () => {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        const file = new File([blob], generatedName(t('attach.shotName'), 'jpg', zone), { type: 'image/jpeg' });
        setShot({ file, url: URL.createObjectURL(blob) });
      },
      'image/jpeg',
      0.92,
    );
  };

  return (
    <Modal
      open
      title={t('attach.cameraTitle')}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('attach.cancel')}</Button>
          {shot ? (
            <>
              <Button onClick={() => setShot(null)}>{t('attach.retake')}</Button>
              <Button type="primary" onClick={() => onShot(shot.file)}>
                {t('attach.useShot')}
              </Button>
            </>
          ) : (
            <Button type="primary" disabled={!stream} onClick={capture}>
              {t('attach.capture')}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon role="alert" message={t('attach.cameraFailed', { reason: error })} />}
      {shot ? (
        <img src={shot.url} alt={shot.file.name} style={{ width: '100%' }} />
      ) : (
        <video
          ref={video}
          muted
          playsInline
          aria-label={t('attach.cameraTitle')}
          style={{ width: '100%', background: '#000' }}
        />
      )}
    </Modal>
  );
}
