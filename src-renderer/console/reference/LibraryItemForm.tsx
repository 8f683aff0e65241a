// One step, situation or phrase of the library being added or edited (issue 21 §4), zh-CN and en side by side,
// checked with the shared schema (HandlingStep, Situation, Phrase) before it goes into the draft. A key is
// chosen once: an existing item keeps its key, since branches keep the steps ticked on a case by key.
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../src-main/shared/enums';
import { HandlingStep, Phrase, type PhraseLibrary, Situation } from '../../../src-main/shared/reference-data';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { toIssueMap } from '../../lib/issues';
import { referenceIssues } from './reference-issues';

export type LibraryList = 'steps' | 'situations' | 'phrases';
export type LibraryItem = HandlingStep | Situation | Phrase;

interface Props {
  list: LibraryList;
  /** The item edited, or a new one (isNew) prefilled with a free key. */
  item: LibraryItem;
  isNew: boolean;
  library: PhraseLibrary;
  onSave: (item: LibraryItem) => void;
  onClose: () => void;
}

const SCHEMA = { steps: HandlingStep, situations: Situation, phrases: Phrase } as const;

export function LibraryItemForm({ list, item, isNew, library, onSave, onClose }: Props) {
  const { t } = useTranslation(['console', 'translation']);
  const [value, setValue] = useState<Record<string, unknown>>({ ...item });
  const [issues, setIssues] = useState<ReturnType<typeof toIssueMap>>({});
  /** After a refused save, the messages follow what is typed (a corrected field loses its message). */
  const [tried, setTried] = useState(false);
  const situationOptions = library.situations.map((s) => ({ value: s.key, label: `${pick(s.title)} (${s.key})` }));

  const problems = (v: Record<string, unknown>) => {
    const found = referenceIssues(SCHEMA[list], v);
    if (isNew && library[list].some((x) => x.key === v.key))
      found.push({
        field: 'key',
        message: { zh: `键:${String(v.key)} 已被使用`, en: `Key: ${String(v.key)} is taken` },
      });
    return found;
  };
  const update = (next: Record<string, unknown>) => {
    setValue(next);
    if (tried) setIssues(toIssueMap(problems(next)));
  };
  const set = (k: string, v: unknown) => update({ ...value, [k]: v });
  const setWord = (k: 'title' | 'hint' | 'text', lang: 'zh' | 'en', v: string) =>
    update({ ...value, [k]: { ...(value[k] as Record<string, string>), [lang]: v } });
  const word = (k: 'title' | 'hint' | 'text', lang: 'zh' | 'en') =>
    ((value[k] as Record<string, string> | undefined) ?? {})[lang] ?? '';

  const save = () => {
    const found = problems(value);
    setTried(true);
    setIssues(toIssueMap(found));
    if (found.length) return;
    onSave(SCHEMA[list].parse(value));
  };

  const text = (k: 'title' | 'hint' | 'text', lang: 'zh' | 'en', label: string, rows = 1) => {
    const id = `lib-${k}-${lang}`;
    return (
      <Field id={id} path={`${k}.${lang}`} label={label} issues={issues}>
        {rows > 1 ? (
          <Input.TextArea
            id={id}
            rows={rows}
            value={word(k, lang)}
            maxLength={400}
            onChange={(e) => setWord(k, lang, e.target.value)}
          />
        ) : (
          <Input id={id} value={word(k, lang)} maxLength={400} onChange={(e) => setWord(k, lang, e.target.value)} />
        )}
      </Field>
    );
  };

  const title = t(
    `reference.${isNew ? ({ steps: 'addStep', situations: 'addSituation', phrases: 'addPhrase' } as const)[list] : 'edit'}`,
  );
  return (
    <Modal
      open
      title={title}
      okText={t('reference.save')}
      cancelText={t('reference.cancel')}
      onOk={save}
      onCancel={onClose}
      width={640}
    >
      {Object.keys(issues).length > 0 && (
        <Alert type="error" showIcon role="alert" message={t('reference.fix')} style={{ marginBottom: 8 }} />
      )}
      <Form layout="vertical" component="div">
        <Field id="lib-key" path="key" label={t('reference.key')} issues={issues}>
          <Input
            id="lib-key"
            value={String(value.key ?? '')}
            disabled={!isNew}
            onChange={(e) => set('key', e.target.value.trim())}
          />
        </Field>
        {list === 'phrases' && (
          <Field id="lib-situation" path="situation" label={t('reference.situation')} issues={issues}>
            <Select
              id="lib-situation"
              value={value.situation as string}
              onChange={(v) => set('situation', v)}
              options={situationOptions}
            />
          </Field>
        )}
        {list === 'phrases' ? (
          <>
            {text('text', 'zh', t('reference.textZh'), 2)}
            {text('text', 'en', t('reference.textEn'), 2)}
          </>
        ) : (
          <>
            {text('title', 'zh', t('reference.titleZh'))}
            {text('title', 'en', t('reference.titleEn'))}
          </>
        )}
        {list === 'steps' && (
          <>
            {text('hint', 'zh', t('reference.hintZh'), 2)}
            {text('hint', 'en', t('reference.hintEn'), 2)}
            <Field id="lib-channels" path="channels" label={t('reference.channels')} issues={issues}>
              <Select
                id="lib-channels"
                mode="multiple"
                allowClear
                placeholder={t('reference.allChannels')}
                value={value.channels as string[]}
                onChange={(v) => set('channels', v)}
                options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`, { ns: 'translation' }) }))}
              />
            </Field>
            <Field id="lib-step-situations" path="situations" label={t('reference.stepSituations')} issues={issues}>
              <Select
                id="lib-step-situations"
                mode="multiple"
                value={value.situations as string[]}
                onChange={(v) => set('situations', v)}
                options={situationOptions}
              />
            </Field>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** A key not yet used in the list: step_7, situation_3, phrase_12 … */
export function freeKey(library: PhraseLibrary, list: LibraryList): string {
  const stem = { steps: 'step', situations: 'situation', phrases: 'phrase' }[list];
  const used = new Set(library[list].map((x) => x.key));
  let n = library[list].length + 1;
  while (used.has(`${stem}_${n}`)) n++;
  return `${stem}_${n}`;
}

/** A new, empty item of the list (its key free). */
export function newItem(library: PhraseLibrary, list: LibraryList): LibraryItem {
  const key = freeKey(library, list);
  const blank = { zh: '', en: '' };
  if (list === 'steps') return { key, title: blank, hint: blank, channels: [], situations: [] };
  if (list === 'situations') return { key, title: blank };
  return { key, situation: library.situations[0]?.key ?? '', text: blank };
}
