// 个人信息请求 at head office (issue 20 §3): the branch's screen over head office's routes — every branch's
// records under a phone, exported as the same PDF and JSON. Head office refuses a reviewer not allowed to
// see personal data (in words, shown on the screen) and logs every find and export.
import { useTranslation } from 'react-i18next';
import {
  CONSOLE_TIME_ZONE,
  PERSON_PATHS,
  type PersonExportAnswer,
  type PersonFindAnswer,
} from '../../../src-headoffice/console/api-contract';
import { ERROR_CODES, type ErrorCode } from '../../../src-main/shared/errors';
import type { Result } from '../../../src-main/shared/result';
import { PersonRequestView } from '../../features/personal-data/PersonRequest';
import { ConsoleApiError, postJson } from '../api';

const codeOf = (c: string): ErrorCode => ERROR_CODES.find((k) => k === c) ?? 'INTERNAL';

/** A console request as the branch's Result envelope, so the shared screen reads both alike. */
async function asResult<T>(p: Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    if (!(e instanceof ConsoleApiError)) throw e;
    return { ok: false, error: { code: codeOf(e.code), message: e.messages, issues: e.issues } };
  }
}

export function PersonRequestScreen() {
  const { t } = useTranslation();
  return (
    <PersonRequestView
      port={{
        find: (phone) => asResult(postJson<PersonFindAnswer>(PERSON_PATHS.find, { phone })),
        exportFiles: (input) => asResult(postJson<PersonExportAnswer>(PERSON_PATHS.export, input)),
        zone: CONSOLE_TIME_ZONE,
        intro: t('pdr.hqIntro'),
        headOffice: true,
      }}
    />
  );
}
