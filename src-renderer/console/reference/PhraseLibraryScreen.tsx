// 话术库 / Phrase library at head office (issue 21 §4): the handling steps (title, hint, channels, the
// situations whose phrases they show), the situations and the phrases, zh-CN and en — added, edited,
// reordered and deleted in a draft, checked with the shared PhraseLibrary schema (named problems) and
// published with a confirmation. Without the editor permission the same lists are read-only.
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhraseLibrary } from '../../../src-main/shared/reference-data';
import { pick } from '../../i18n';
import { go } from '../route';
import { ErrorAlert } from '../screens/ErrorAlert';
import { type LibraryItem, LibraryItemForm, type LibraryList, newItem } from './LibraryItemForm';
import { PublishConfirm } from './PublishConfirm';
import { phrasesQuery, publishPhrases, referenceListQuery } from './reference-api';
import { ReferenceHistory } from './ReferenceHistory';
import { ReferenceScreenHead } from './ReferenceTabs';
import { PublishError } from './PublishError';
import { usePublish } from './usePublish';
import { VersionTag } from './VersionTag';
import './reference.css';

/** The list with item `i` moved by `by` (−1 up, +1 down); unchanged at either end. */
export function moved<T>(xs: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= xs.length) return [...xs];
  const out = [...xs];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

interface Editing {
  list: LibraryList;
  index: number | null;
  item: LibraryItem;
}

export function PhraseLibraryScreen() {
  const { t, i18n } = useTranslation(['console', 'translation']);
  const list = useQuery(referenceListQuery);
  const q = useQuery(phrasesQuery);
  const [draft, setDraft] = useState<PhraseLibrary | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const pub = usePublish<PhraseLibrary>(PhraseLibrary, publishPhrases, () => setDraft(null));

  const mayPublish = list.data?.mayEdit === true;
  const record = q.data?.record.kind === 'phrases' ? q.data.record : null;
  const lib = draft ?? record?.body ?? null;
  const changed = draft !== null && JSON.stringify(draft) !== JSON.stringify(record?.body);

  const change = (l: LibraryList, items: LibraryItem[]) => lib && setDraft({ ...lib, [l]: items } as PhraseLibrary);

  const situationTitle = (key: string) => {
    const s = lib?.situations.find((x) => x.key === key);
    return s ? pick(s.title) : key;
  };

  const rows = (l: LibraryList) => {
    if (!lib) return null;
    const items: LibraryItem[] = lib[l];
    return (
      <div data-testid={`lib-${l}`}>
        {items.map((it, i) => (
          <div className="lib-row" key={it.key}>
            <div>
              {'title' in it ? <strong>{pick(it.title)}</strong> : <span>{pick(it.text)}</span>}{' '}
              <Tag style={{ marginLeft: 4 }}>{it.key}</Tag>
              {'hint' in it && <div className="lib-sub">{pick(it.hint)}</div>}
              {'channels' in it && (
                <div className="lib-sub">
                  {t('reference.channelsShort')}:
                  {it.channels.length
                    ? it.channels.map((c) => t(`channel.${c}`, { ns: 'translation' })).join('、')
                    : t('reference.allChannels')}
                  {' · '}
                  {t('reference.stepSituations')}:{it.situations.map(situationTitle).join('、') || '—'}
                </div>
              )}
              {'situation' in it && (
                <div className="lib-sub">
                  {situationTitle(it.situation)} · {i18n.language === 'en' ? it.text.zh : it.text.en}
                </div>
              )}
              {'title' in it && !('hint' in it) && (
                <div className="lib-sub">{i18n.language === 'en' ? it.title.zh : it.title.en}</div>
              )}
            </div>
            {mayPublish && (
              <Space size={0}>
                <Button
                  size="small"
                  type="text"
                  disabled={i === 0}
                  onClick={() => change(l, moved(items, i, -1))}
                  aria-label={`${t('reference.up')} ${it.key}`}
                >
                  ↑
                </Button>
                <Button
                  size="small"
                  type="text"
                  disabled={i === items.length - 1}
                  onClick={() => change(l, moved(items, i, 1))}
                  aria-label={`${t('reference.down')} ${it.key}`}
                >
                  ↓
                </Button>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEditing({ list: l, index: i, item: it })}
                  aria-label={`${t('reference.edit')} ${it.key}`}
                >
                  {t('reference.edit')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() =>
                    change(
                      l,
                      items.filter((_, j) => j !== i),
                    )
                  }
                  aria-label={`${t('reference.remove')} ${it.key}`}
                >
                  {t('reference.remove')}
                </Button>
              </Space>
            )}
          </div>
        ))}
        {mayPublish && (
          <Button
            style={{ marginTop: 8 }}
            onClick={() => setEditing({ list: l, index: null, item: newItem(lib, l) })}
            data-testid={`add-${l}`}
          >
            {t(`reference.${({ steps: 'addStep', situations: 'addSituation', phrases: 'addPhrase' } as const)[l]}`)}
          </Button>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="phrases-title">
      <ReferenceScreenHead
        current="/phrases"
        titleId="phrases-title"
        title={t('reference.phrasesTitle')}
        intro={t('reference.phrasesIntro')}
        readOnly={!!list.data && !mayPublish}
      />
      {q.error && <ErrorAlert error={q.error} />}
      {lib && (
        <div className="ref-layout">
          <Tabs
            items={(['steps', 'situations', 'phrases'] as const).map((l) => ({
              key: l,
              label: `${t(`reference.${l}`)} (${lib[l].length})`,
              children: rows(l),
            }))}
          />
          <div className="ref-side">
            <div className="ref-bar">
              {record ? (
                <VersionTag record={record} published={q.data?.published === true} testId="lib-version" />
              ) : (
                <Tag>{t('reference.notPublished')}</Tag>
              )}
              {changed && <Tag color="blue">{t('reference.draftChanged')}</Tag>}
            </div>
            <Typography.Text type="secondary">
              {t('reference.libraryCounts', {
                steps: lib.steps.length,
                situations: lib.situations.length,
                phrases: lib.phrases.length,
              })}
            </Typography.Text>
            <PublishError pub={pub} />
            {mayPublish && (
              <Space>
                <Button disabled={!changed} onClick={() => (setDraft(null), pub.clear())}>
                  {t('reference.discard')}
                </Button>
                <Button type="primary" data-testid="publish" disabled={!changed} onClick={() => pub.ask(lib)}>
                  {t('reference.publish')}
                </Button>
              </Space>
            )}
            <Button
              type="link"
              style={{ alignSelf: 'flex-start', padding: 0 }}
              onClick={() => go('/reference-preview')}
            >
              {t('reference.toPreview')}
            </Button>
            <ReferenceHistory kind="phrases" recordKey="library" />
          </div>
        </div>
      )}
      {editing && lib && (
        <LibraryItemForm
          key={`${editing.list}-${editing.index ?? 'new'}`}
          list={editing.list}
          item={editing.item}
          isNew={editing.index === null}
          library={lib}
          onClose={() => setEditing(null)}
          onSave={(item) => {
            const items: LibraryItem[] = [...lib[editing.list]];
            if (editing.index === null) items.push(item);
            else items[editing.index] = item;
            change(editing.list, items);
            setEditing(null);
          }}
        />
      )}
      {pub.confirming && (
        <PublishConfirm
          what={t('reference.phrasesWhat')}
          busy={pub.busy}
          onOk={() => void pub.confirm()}
          onClose={pub.cancel}
        />
      )}
    </section>
  );
}
