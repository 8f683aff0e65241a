// Reports (SPEC §8): choose a week or a month and how many earlier periods to compare, run
// the summary as a job in main (progress bar, Cancel), then read it (SummaryView) and export
// it: PDF preview in the app, CSV and Excel saved through main's dialog in the desktop shell
// or downloaded in the browser.
import { Alert, App, Button, Card, Form, InputNumber, Modal, Progress, Segmented, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportJobStatus, SummaryReport } from '../../../src-main/shared/summary-types';
import { MonthPicker, WeekPicker } from '../../components/CalendarPickers';
import { pick } from '../../i18n';
import { ApiError, call, inDesktopShell, invoke, onEvent } from '../../lib/api';
import { localDate } from '../../lib/format';
import { useSession } from '../shell/session';
import { CapaAccounts } from './CapaAccounts';
import { dateOfPeriodInput } from './period-input';
import { isoWeekOf } from '../../lib/iso-week';
import { useSummaryLabels } from './summary-labels';
import { SummaryView } from './SummaryView';
import { asOfLabel } from '../../../src-main/shared/report-as-of';

// pdf.js is loaded only when a preview is opened.
const PdfPages = lazy(() => import('../print/PdfPages').then((m) => ({ default: m.PdfPages })));

const POLL_MS = 250;
const decode = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));

function download(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Runs a report job: start, follow its progress (pushed by main, polled as well), fetch the result. */
function useReportJob() {
  const [job, setJob] = useState<ReportJobStatus | null>(null);
  const [report, setReport] = useState<SummaryReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const jobId = job?.jobId ?? null;
  const running = job?.state === 'running';

  useEffect(() => {
    if (!jobId || !running) return;
    const off = onEvent('reports.progress', (p) => {
      const st = p as ReportJobStatus;
      if (st.jobId === jobId) setJob(st);
    });
    // The development server has no push: ask.
    const timer = window.setInterval(() => {
      void invoke('reports.status', { jobId }).then((r) => r.ok && setJob(r.value));
    }, POLL_MS);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [jobId, running]);

  useEffect(() => {
    if (!jobId || job?.state !== 'done') return;
    call('reports.result', { jobId }).then(setReport, (e: unknown) =>
      setError(e instanceof ApiError ? pick(e.messages) : String(e)),
    );
  }, [jobId, job?.state]);

  const start = async (input: { periodType: 'week' | 'month'; date: string; previousCount: number }) => {
    setReport(null);
    setError(null);
    const r = await invoke('reports.start', input);
    if (!r.ok) return setError(pick(r.error.message));
    setJob(r.value);
  };
  const cancel = async () => {
    if (!jobId) return;
    const r = await invoke('reports.cancel', { jobId });
    if (r.ok) setJob(r.value);
  };
  return { job, report, error, start, cancel };
}

export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useSession();
  const labels = useSummaryLabels();
  const today = localDate(Date.now(), settings.timeZone);
  const [periodType, setPeriodType] = useState<'week' | 'month'>('month');
  const [week, setWeek] = useState(isoWeekOf(today));
  const [month, setMonth] = useState(today.slice(0, 7));
  const [previous, setPrevious] = useState(6);
  const { job, report, error, start, cancel } = useReportJob();
  const [preview, setPreview] = useState<{ bytes: Uint8Array; fileName: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const date = dateOfPeriodInput(periodType, periodType === 'week' ? week : month);
  const running = job?.state === 'running';

  useEffect(() => {
    if (running) cancelRef.current?.focus();
  }, [running]);

  const exportAs = async (format: 'pdf' | 'csv' | 'xlsx') => {
    if (!job) return;
    setBusy(format);
    try {
      if (format !== 'pdf' && inDesktopShell()) {
        const r = await invoke('reports.saveAs', { jobId: job.jobId, format, lang });
        if (!r.ok) return void message.error(pick(r.error.message));
        if (r.value.path) void message.success(t('reports.saved', { path: r.value.path }));
        return;
      }
      const r = await invoke('reports.export', { jobId: job.jobId, format, lang });
      if (!r.ok) return void message.error(pick(r.error.message));
      const bytes = decode(r.value.base64);
      if (format === 'pdf') setPreview({ bytes, fileName: r.value.fileName });
      else download(bytes, r.value.fileName, r.value.mime);
    } finally {
      setBusy(null);
    }
  };

  const savePdf = async () => {
    if (!job) return;
    setBusy('savePdf');
    try {
      const r = await invoke('reports.saveAs', { jobId: job.jobId, format: 'pdf', lang });
      if (!r.ok) return void message.error(pick(r.error.message));
      if (r.value.path) void message.success(t('reports.saved', { path: r.value.path }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('reports.periodType')}>
            <Segmented
              value={periodType}
              onChange={(v) => setPeriodType(v as 'week' | 'month')}
              options={[
                { value: 'month', label: t('reports.month') },
                { value: 'week', label: t('reports.week') },
              ]}
            />
          </Form.Item>
          {periodType === 'week' ? (
            <Form.Item label={t('reports.pickWeek')} htmlFor="report-week">
              <WeekPicker id="report-week" value={week} onChange={setWeek} width={180} />
            </Form.Item>
          ) : (
            <Form.Item label={t('reports.pickMonth')} htmlFor="report-month">
              <MonthPicker id="report-month" value={month} onChange={setMonth} width={180} />
            </Form.Item>
          )}
          <Form.Item label={t('reports.previous')} htmlFor="report-previous">
            <InputNumber
              id="report-previous"
              min={0}
              max={12}
              value={previous}
              onChange={(v) => setPrevious(v ?? 0)}
              style={{ width: 80 }}
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              disabled={!date || running}
              onClick={() => date && void start({ periodType, date, previousCount: previous })}
            >
              {t('reports.run')}
            </Button>
          </Form.Item>
        </Form>
        {running && job && (
          <Space style={{ marginTop: 12, width: '100%' }} align="center" data-testid="report-progress">
            <Progress
              percent={job.total === 0 ? 0 : Math.floor((100 * job.done) / job.total)}
              status="active"
              style={{ width: 360, margin: 0 }}
              aria-label={t('reports.running', { done: job.done, total: job.total })}
            />
            <Typography.Text>{t('reports.running', { done: job.done, total: job.total })}</Typography.Text>
            <Button ref={cancelRef} danger onClick={() => void cancel()}>
              {t('reports.cancel')}
            </Button>
          </Space>
        )}
        {job?.state === 'cancelled' && (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon message={t('reports.cancelled')} />
        )}
        {job?.state === 'failed' && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            message={job.error ? pick(job.error) : t('reports.failed')}
          />
        )}
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} />}
      </Card>
      {!job && <Typography.Paragraph type="secondary">{t('reports.empty')}</Typography.Paragraph>}
      {report && (
        <>
          <Space align="center" wrap style={{ marginBottom: 12 }}>
            <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }} data-testid="report-heading">
              {`${report.branch.name} · ${labels.periodLine(report.summary.period.key, report.summary.period.firstDate, report.summary.period.lastDate, asOfLabel(report.summary.period, report.generatedAt, report.timeZone))}`}
            </Typography.Title>
            <Button loading={busy === 'pdf'} onClick={() => void exportAs('pdf')}>
              {t('reports.exportPdf')}
            </Button>
            <Button loading={busy === 'csv'} onClick={() => void exportAs('csv')}>
              {t('reports.exportCsv')}
            </Button>
            <Button loading={busy === 'xlsx'} onClick={() => void exportAs('xlsx')}>
              {t('reports.exportXlsx')}
            </Button>
          </Space>
          <SummaryView summary={report.summary} labels={labels} names={report.names} timeZone={report.timeZone} />
        </>
      )}
      <Modal
        open={preview !== null}
        title={t('reports.previewTitle')}
        width={900}
        onCancel={() => setPreview(null)}
        footer={null}
        destroyOnClose
      >
        {preview && (
          <>
            {inDesktopShell() ? (
              // The desktop window does not download: main saves through the OS dialog.
              <Button
                type="primary"
                style={{ marginBottom: 8 }}
                loading={busy === 'savePdf'}
                onClick={() => void savePdf()}
              >
                {t('print.saveAs')}
              </Button>
            ) : (
              <Button
                type="primary"
                style={{ marginBottom: 8 }}
                onClick={() => download(preview.bytes, preview.fileName, 'application/pdf')}
              >
                {t('print.download')}
              </Button>
            )}
            <div className="pdf-frame" data-file={preview.fileName}>
              <Suspense fallback={<Spin />}>
                <PdfPages data={preview.bytes} label={t('reports.previewTitle')} />
              </Suspense>
            </div>
          </>
        )}
      </Modal>
      <CapaAccounts />
    </>
  );
}
