// The side panel 处理步骤与话术 (issue 21 §3), at intake and on the case: the steps of the library in force
// for the case's channel, each with a box to tick and, for the current step, its hint and its situations'
// phrases in the UI's language. Alt+1…9 in a note or reply box inserts the current step's phrase N at the
// caret (phrase-insert.ts); clicking a phrase inserts it into the box last typed in. Collapsible to one
// button, so it never pushes the form around. Read-only where `onToggle` is absent (a filed case, the console).
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-main/shared/enums';
import { phrasesOfStep, stepPhrases, stepsForChannel } from '../../../src-main/shared/handling-guide';
import type { Bilingual } from '../../../src-main/shared/reference-data';
import { call } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { insertAtCaret, phraseKey, targetBox, trackTextBoxes } from './phrase-insert';
import './guidance.css';

export const guidanceQuery = { queryKey: ['guidanceLibrary'], queryFn: () => call('guidance.library', {}) };

const OPEN_KEY = 'branchDesk.guidance.open';

/** A step as ticked: who and when are shown where known (on the case; at intake only the key). */
export interface TickedStep {
  stepKey: string;
  tickedByName?: string;
  tickedAt?: number;
}

export interface GuidancePanelProps {
  channel: Channel;
  ticked: readonly TickedStep[];
  /** Ticks or unticks a step; absent: the boxes are shown but cannot be changed. */
  onToggle?: (stepKey: string, ticked: boolean) => void;
  /** Why the boxes cannot be changed, when they cannot. */
  readOnlyNote?: string;
  /** A line under the title (at intake: the ticks are saved with the case). */
  note?: string;
  timeZone: string;
}

export function GuidancePanel({ channel, ticked, onToggle, readOnlyNote, note, timeZone }: GuidancePanelProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const q = useQuery(guidanceQuery);
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_KEY) !== 'no');
  const [chosen, setChosen] = useState<string | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const say = (b: Bilingual) => b[lang];
  const lib = q.data?.library;
  const steps = useMemo(() => (lib ? stepsForChannel(lib, channel) : []), [lib, channel]);
  const done = new Map(ticked.map((x) => [x.stepKey, x]));
  // The current step: the one chosen, else the first not yet ticked, else the first.
  const current = steps.find((s) => s.key === chosen) ?? steps.find((s) => !done.has(s.key)) ?? steps[0] ?? null;
  const phrases = lib && current ? stepPhrases(lib, current) : [];

  useEffect(() => trackTextBoxes(document), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const n = phraseKey(e);
      if (n === null || !(document.activeElement instanceof HTMLTextAreaElement)) return;
      const phrase = phrases[n - 1];
      if (!phrase) return;
      e.preventDefault();
      e.stopPropagation();
      insertAtCaret(document.activeElement, say(phrase.text));
    };
    // Capture: before a dialog or the form sees Alt+digit.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  const setShown = (v: boolean) => {
    localStorage.setItem(OPEN_KEY, v ? 'yes' : 'no');
    setOpen(v);
  };
  const insert = (text: string) => {
    const box = targetBox(document);
    if (!box) return void message.info(t('guide.noTarget'));
    if (insertAtCaret(box, text)) void message.success({ content: t('guide.inserted'), duration: 1 });
  };

  if (!open)
    return (
      <Button className="guidance-show" onClick={() => setShown(true)} aria-expanded={false}>
        {t('guide.show')}
      </Button>
    );

  return (
    <Card
      size="small"
      className="guidance-panel"
      data-testid="guidance-panel"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('guide.title')}</h2>}
      extra={
        <Button size="small" type="link" onClick={() => setShown(false)} aria-expanded>
          {t('guide.hide')}
        </Button>
      }
    >
      {!lib ? (
        <Typography.Text type="secondary">{t('guide.loading')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('guide.progress', { done: steps.filter((s) => done.has(s.key)).length, total: steps.length })}
            {' · '}
            {q.data?.version ? t('guide.libraryHq', { version: q.data.version }) : t('guide.libraryShipped')}
            {note && <span style={{ display: 'block' }}>{note}</span>}
            {readOnlyNote && <span style={{ display: 'block' }}>{readOnlyNote}</span>}
          </Typography.Paragraph>
          <ol className="guidance-steps" aria-label={t('guide.title')}>
            {steps.map((s) => {
              const tick = done.get(s.key);
              const isCurrent = s.key === current?.key;
              return (
                <li key={s.key} className={isCurrent ? 'current' : undefined} data-step={s.key}>
                  <Space align="start" size={6}>
                    <Checkbox
                      checked={tick !== undefined}
                      disabled={!onToggle}
                      aria-label={say(s.title)}
                      onChange={(e) => onToggle?.(s.key, e.target.checked)}
                    />
                    <div>
                      <Button
                        type="link"
                        size="small"
                        style={{
                          padding: 0,
                          height: 'auto',
                          fontWeight: isCurrent ? 600 : 400,
                          whiteSpace: 'normal',
                          textAlign: 'left',
                        }}
                        aria-current={isCurrent ? 'step' : undefined}
                        onClick={() => setChosen(s.key)}
                      >
                        {say(s.title)}
                      </Button>
                      {tick?.tickedByName && tick.tickedAt !== undefined && (
                        <div className="guidance-who">
                          {t('guide.ticked', {
                            name: tick.tickedByName,
                            at: formatTime(tick.tickedAt, timeZone, i18n.language),
                          })}
                        </div>
                      )}
                    </div>
                  </Space>
                  {isCurrent && lib && (
                    <div className="guidance-current">
                      <div className="guidance-hint">{say(s.hint)}</div>
                      {phrasesOfStep(lib, s).map((g) => (
                        <div key={g.situation.key}>
                          <div className="guidance-situation">{say(g.situation.title)}</div>
                          {g.phrases.map((p) => {
                            const n = phrases.indexOf(p) + 1;
                            return (
                              <button
                                type="button"
                                key={p.key}
                                className="guidance-phrase"
                                title={n <= 9 ? t('guide.insertN', { n }) : undefined}
                                // Keep the caret in the text box: the click must not take the focus first.
                                onMouseDown={(e) => e.preventDefault()}
                                onClick={() => insert(say(p.text))}
                              >
                                {n <= 9 && <kbd>{n}</kbd>} {say(p.text)}
                              </button>
                            );
                          })}
                        </div>
                      ))}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
          <Typography.Paragraph
            type="secondary"
            style={{ fontSize: 12, margin: '8px 0 0' }}
            data-testid="guidance-keys"
          >
            {t('guide.keys')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

/** The form or the case beside the panel, in an aside column that stays in view as the page scrolls. */
export function WithGuidance({ children, panel }: { children: React.ReactNode; panel: React.ReactNode }) {
  return (
    <div className="with-guidance">
      <div style={{ minWidth: 0 }}>{children}</div>
      <aside className="guidance-aside">{panel}</aside>
    </div>
  );
}
