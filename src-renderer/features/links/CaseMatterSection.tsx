// The case's section 同一事项 (issue 22 §2): the other cases of its matter (each with its own number, status and
// deadline), the cases main suggests with why, and the actions 关联 / 取消关联 / 合并为重复 / 撤销合并 this user may
// take now (CaseView.linkActions); those the case's state or the user's role blocks are shown with the reason
// (link-blocked.ts), as the case's other actions are. A merged duplicate says where it went (MergedBanner, at the top of the screen).
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockedAction } from '../../components/BlockedAction';
import type { LinkAction, LinkedCase, MatchSuggestion } from '../../../src-main/shared/case-links';
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';
import { blockedLinkActions } from './link-blocked';
import { type Candidate, LinkDialog, UndoMergeDialog, UnlinkDialog } from './LinkDialogs';
import { MergeDialog } from './MergeDialog';
import { SuggestionLine } from './SuggestionLine';

type Open =
  | { kind: 'link'; initial: string[] }
  | { kind: 'unlink' }
  | { kind: 'merge'; initial: string | undefined }
  | { kind: 'undo_merge' };

function LinkedRow({ l }: { l: LinkedCase }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const at = (ms: number) => formatTime(ms, settings.timeZone, i18n.language);
  return (
    <li data-testid="linked-case" data-case={l.number} style={{ marginBottom: 4 }}>
      <a href={`#/case/${l.id}`} style={{ textDecoration: 'underline' }}>
        {l.number}
      </a>{' '}
      <ToneTag tone="plain">{t(`status.${l.status}`)}</ToneTag>
      {l.govBody ? t(`govBody.${l.govBody}`) : t(`channel.${l.channel}`)} ·{' '}
      {l.mergedIntoNumber ? (
        <em>{t('links.mergedIntoShort', { number: l.mergedIntoNumber })}</em>
      ) : l.dueAt === null ? (
        t('links.noDue')
      ) : l.overdue ? (
        <Typography.Text type="danger">{t('links.overdue', { at: at(l.dueAt) })}</Typography.Text>
      ) : (
        t('links.due', { at: at(l.dueAt) })
      )}
    </li>
  );
}

export function CaseMatterSection({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState<Open | null>(null);
  // Main refuses a merge with a filed case either way round (filed: reopen it first): it is not offered.
  const may = (a: LinkAction) => c.linkActions.includes(a) && !(a === 'merge' && c.status === 'filed');
  // A merged duplicate is closed: nothing more is suggested for it.
  const suggested = useQuery({
    queryKey: ['suggestMatches', { caseId: c.id }],
    enabled: c.mergedIntoCase === null,
    queryFn: () => call('cases.suggestMatches', { caseId: c.id }),
  });
  const suggestions: MatchSuggestion[] = c.mergedIntoCase === null ? (suggested.data ?? []) : [];
  const linkable = (s: MatchSuggestion) => !s.sameMatter && s.status !== 'not_accepted';
  const mergeable = (status: string) => status !== 'filed' && status !== 'not_accepted';
  const toLink: Candidate[] = suggestions.filter(linkable).map((s) => ({ id: s.caseId, number: s.number }));
  // What may be merged with this case: its matter's cases not merged already, then the suggestions; none filed.
  const toMerge: Candidate[] = [
    ...c.linkedCases
      .filter((l) => l.mergedIntoNumber === null && mergeable(l.status))
      .map((l) => ({ id: l.id, number: l.number })),
    ...suggestions.filter((s) => linkable(s) && mergeable(s.status)).map((s) => ({ id: s.caseId, number: s.number })),
  ];
  const show = {
    link: may('link') && toLink.length > 0,
    merge: may('merge') && toMerge.length > 0,
    unlink: may('unlink'),
    undo: may('undo_merge') && c.mergedIntoCase !== null,
  };
  const blocked = blockedLinkActions(user.role, c, toMerge.length > 0);
  const rowActions = (s: MatchSuggestion) => {
    const link = may('link') && linkable(s);
    const merge = may('merge') && linkable(s) && mergeable(s.status);
    return link || merge ? (
      <Space size={4} style={{ display: 'flex', marginTop: 2 }}>
        {link && (
          <Button size="small" data-link-action="link" onClick={() => setOpen({ kind: 'link', initial: [s.caseId] })}>
            {t('links.action.link')}
          </Button>
        )}
        {merge && (
          <Button size="small" data-link-action="merge" onClick={() => setOpen({ kind: 'merge', initial: s.caseId })}>
            {t('links.action.merge')}
          </Button>
        )}
      </Space>
    ) : null;
  };

  return (
    <Card
      size="small"
      data-group="matter"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('links.section')}</h2>}
      style={{ marginBottom: 16 }}
    >
      <Typography.Text strong>{t('links.linked')}</Typography.Text>
      {c.linkedCases.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('links.alone')}</Typography.Text>
        </div>
      ) : (
        <ul style={{ margin: '4px 0 8px', paddingLeft: 18 }}>
          {c.linkedCases.map((l) => (
            <LinkedRow key={l.id} l={l} />
          ))}
        </ul>
      )}
      {c.mergedIntoCase === null && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('links.suggestions')}</Typography.Text>
          {suggestions.length === 0 ? (
            <div>
              <Typography.Text type="secondary">{suggested.isPending ? '…' : t('links.noSuggestions')}</Typography.Text>
            </div>
          ) : (
            <ul style={{ margin: '4px 0 8px', paddingLeft: 18 }}>
              {suggestions.map((s) => (
                <SuggestionLine key={s.caseId} s={s} extra={rowActions(s)} />
              ))}
            </ul>
          )}
        </div>
      )}
      {show.link || show.merge || show.unlink || show.undo ? (
        <Space wrap style={{ marginTop: 8 }}>
          {show.link && (
            <Button data-link-action="link" onClick={() => setOpen({ kind: 'link', initial: [] })}>
              {t('links.action.link')}
            </Button>
          )}
          {show.merge && (
            <Button data-link-action="merge" onClick={() => setOpen({ kind: 'merge', initial: undefined })}>
              {t('links.action.merge')}
            </Button>
          )}
          {show.unlink && (
            <Button data-link-action="unlink" onClick={() => setOpen({ kind: 'unlink' })}>
              {t('links.action.unlink')}
            </Button>
          )}
          {show.undo && (
            <Button data-link-action="undo_merge" onClick={() => setOpen({ kind: 'undo_merge' })}>
              {t('links.action.undo_merge')}
            </Button>
          )}
        </Space>
      ) : null}
      {blocked.length > 0 && (
        <div data-testid="link-blocked" style={{ marginTop: 8 }}>
          {blocked.map((b) => (
            <BlockedAction
              key={b.action}
              action={b.action}
              label={t(`links.action.${b.action}`)}
              reason={b.reason}
              gap={4}
            />
          ))}
        </div>
      )}
      {open?.kind === 'link' && (
        <LinkDialog
          caseId={c.id}
          number={c.number}
          candidates={toLink}
          initial={open.initial}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'merge' && (
        <MergeDialog c={c} candidates={toMerge} initial={open.initial} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'unlink' && <UnlinkDialog caseId={c.id} number={c.number} onClose={() => setOpen(null)} />}
      {open?.kind === 'undo_merge' && c.mergedIntoCase && (
        <UndoMergeDialog
          caseId={c.id}
          duplicate={{ id: c.id, number: c.number }}
          primaryNumber={c.mergedIntoCase.number}
          statusBefore={null}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
