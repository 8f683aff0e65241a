// The console's reveal of one case's contact (issue 20 §1): head office's route, logged in its own access
// log, answered only to a reviewer allowed to (reviewers.sees_personal); used by features/personal-data/RevealContact.
import { casePath } from '../../src-headoffice/console/api-contract';
import type { RevealedPersonalData } from '../../src-main/shared/personal-data';
import type { RevealCall } from '../features/personal-data/RevealContact';
import { ConsoleApiError, request } from './api';

/** Head office's reveal of one case's contact (logged in its own access log), for a reviewer allowed to. */
export const consoleReveal =
  (branch: string, id: string): RevealCall =>
  async (reason) => {
    try {
      return {
        ok: true,
        value: await request<RevealedPersonalData>('POST', `${casePath(branch, id)}/reveal`, { reason }),
      };
    } catch (e) {
      if (e instanceof ConsoleApiError) return { ok: false, message: e.messages, issues: e.issues };
      throw e;
    }
  };
