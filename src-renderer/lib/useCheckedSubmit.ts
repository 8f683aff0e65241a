// The submit sequence every form shares: check the input with its channel's schema from the contract (field
// messages before anything is sent), send it once, and on main's refusal show its message and
// field issues — the typed input stays where it is.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, type ChannelInput, type ChannelOutput, inputSchemaOf } from '../../src-main/shared/ipc/contract';
import { pick } from '../i18n';
import { invoke } from './api';
import { checkWith, type IssueMap, toIssueMap } from './issues';

export function useCheckedSubmit() {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Resolves with main's answer, or null when the input was refused (here or by main). */
  async function send<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C> | null> {
    if (busy) return null;
    const found = checkWith(inputSchemaOf(channel), input);
    setIssues(found);
    if (Object.keys(found).length) {
      setError(t('intake.fixErrors'));
      return null;
    }
    setBusy(true);
    const r = await invoke(channel, input);
    setBusy(false);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return null;
    }
    setError(null);
    return r.value;
  }

  return { issues, error, busy, send };
}
