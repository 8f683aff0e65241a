// The submit of every dialog of cases of one matter: the channel's schema checks the input first, then main
// answers; a refusal stays in the dialog (message and field issues), what was typed stays. On success every case
// on screen is read again (a link, a merge or its undo changes several cases at once), with the suggestions.
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LinkAction } from '../../../src-main/shared/case-links';
import type { ChannelInput } from '../../../src-main/shared/ipc/contract';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';

type LinkChannel = 'cases.link' | 'cases.unlink' | 'cases.merge' | 'cases.undoMerge';

export function useLinkSubmit(caseId: string, action: LinkAction, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { issues, error, busy, send } = useCheckedSubmit();
  const run = async <C extends LinkChannel>(channel: C, input: ChannelInput<C>) => {
    const answer = await send(channel, input);
    if (!answer) return;
    // The answer is one of the cases changed (link: the first listed; merge: the primary; undo: the duplicate).
    if (answer.id === caseId) qc.setQueryData(['case', caseId], answer);
    await qc.invalidateQueries({ queryKey: ['case'] });
    void qc.invalidateQueries({ queryKey: ['caseHistory'] });
    void qc.invalidateQueries({ queryKey: ['suggestMatches'] });
    void message.success(t('links.done', { action: t(`links.action.${action}`) }));
    onClose();
  };
  return { run, issues, error, busy };
}
