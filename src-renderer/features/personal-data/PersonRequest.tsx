// 个人信息请求 / Personal data request (issue 20 §3), for the secretary office and the manager: type the
// person's phone (as they say it: +86, spaces, full-width digits), see everything the branch holds under it,
// and export it as PDF + JSON for them (the export asks for its reason; main writes it to the access log).
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import type { PersonData, PersonDataExport } from '../../../src-main/shared/person-data-types';
import type { AnonymisePersonResult } from '../../../src-main/shared/schemas/anonymise-person';
import type { Result } from '../../../src-main/shared/result';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { useBranchZone } from '../../lib/branch-zone';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';
import { PersonAnonymiseDialog } from './PersonAnonymiseDialog';
import { PersonExportDialog } from './PersonRequestExport';
import { PersonRequestTables } from './PersonRequestTables';

/** Where the screen finds and exports: the branch's channels, or head office's console routes. */
export interface PersonRequestPort {
  find: (phone: string) => Promise<Result<PersonData>>;
  exportFiles: (input: { phone: string; reason: string; lang: 'zh-CN' | 'en' }) => Promise<Result<PersonDataExport>>;
  /** The zone times are shown in: the branch's, or head office's. */
  zone: string;
  intro: string;
  /** Head office: its own words for what it holds, and no unsubmitted forms (a branch's only). */
  headOffice?: boolean;
  /** The branch's deletion request (head office applies the branch's anonymisation when it syncs). */
  anonymise?: (input: { phone: string; reason: string }) => Promise<Result<AnonymisePersonResult>>;
}

/** The branch's screen: its channels, its zone. */
export function PersonRequest() {
  const { t } = useTranslation();
  const zone = useBranchZone();
  return (
    <PersonRequestView
      port={{
        find: (phone) => invoke('personalData.find', { phone }),
        exportFiles: (input) => invoke('personalData.export', input),
        anonymise: (input) => invoke('personalData.anonymisePerson', input),
        zone,
        intro: t('pdr.intro'),
      }}
    />
  );
}

export function PersonRequestView({ port }: { port: PersonRequestPort }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ typed: string; data: PersonData } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [anonymising, setAnonymising] = useState(false);
  const [anonymised, setAnonymised] = useState<AnonymisePersonResult | null>(null);

  const find = async (keepNotice = false) => {
    if (!keepNotice) setAnonymised(null);
    const input = { phone };
    const checked = checkWith(inputSchemaOf('personalData.find'), input);
    setIssues(checked);
    setError(null);
    if (Object.keys(checked).length) return;
    setBusy(true);
    const r = await port.find(phone);
    setBusy(false);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      setFound(null);
      return;
    }
    setFound({ typed: phone, data: r.value });
  };

  const d = found?.data;
  const total = d ? d.cases.length + d.slips.length + d.followUps.length + d.attachments.length + d.drafts.length : 0;
  return (
    <section aria-labelledby="person-request-title" className="person-request">
      <Typography.Title level={1} id="person-request-title" style={{ fontSize: 20 }}>
        {t('pdr.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{port.intro}</Typography.Paragraph>
      <Form
        component="form"
        layout="vertical"
        style={{ maxWidth: 420 }}
        onSubmitCapture={(e) => (e.preventDefault(), void find())}
      >
        <Field id="personPhone" path="phone" label={t('pdr.phone')} issues={issues} required>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              id="personPhone"
              inputMode="tel"
              autoComplete="off"
              value={phone}
              placeholder={t('pdr.phonePlaceholder')}
              onChange={(e) => (setPhone(e.target.value), setIssues({}))}
              aria-describedby={issues.phone ? 'personPhone-help' : undefined}
            />
            <Button type="primary" htmlType="submit" loading={busy}>
              {busy ? t('pdr.finding') : t('pdr.find')}
            </Button>
          </Space.Compact>
        </Field>
      </Form>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      {anonymised && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          message={t('pdr.anonymised', {
            cases: anonymised.cases.length,
            slips: anonymised.slips.length,
            followUps: anonymised.followUps,
            attachments: anonymised.attachments,
          })}
        />
      )}
      {d && (
        <>
          <Space wrap align="center" style={{ margin: '8px 0 12px' }}>
            <Typography.Text strong data-testid="person-summary">
              {total === 0
                ? t(port.headOffice ? 'pdr.hqNothing' : 'pdr.nothing')
                : t(port.headOffice ? 'pdr.hqSummary' : 'pdr.summary', {
                    cases: d.cases.length,
                    slips: d.slips.length,
                    followUps: d.followUps.length,
                    attachments: d.attachments.length,
                    drafts: d.drafts.length,
                  })}
            </Typography.Text>
            <Button type="primary" onClick={() => setExporting(true)}>
              {t('pdr.export')}
            </Button>
            {port.anonymise && d.cases.some((c) => c.ownCase) && (
              <Button danger onClick={() => setAnonymising(true)}>
                {t('pdr.anonymise')}
              </Button>
            )}
          </Space>
          <PersonRequestTables data={d} zone={port.zone} drafts={!port.headOffice} />
        </>
      )}
      {exporting && found && (
        <PersonExportDialog phone={found.typed} exportFiles={port.exportFiles} onClose={() => setExporting(false)} />
      )}
      {anonymising && found && port.anonymise && (
        <PersonAnonymiseDialog
          phone={found.typed}
          anonymise={port.anonymise}
          onClose={() => setAnonymising(false)}
          onDone={(r) => (setAnonymising(false), setAnonymised(r), void find(true))}
        />
      )}
    </section>
  );
}
