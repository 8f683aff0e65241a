// The 承诺 group's rows: each promised reply time with its state (open / kept / missed), who made it,
// the progress reply with when and by whom it was given, and the button to answer an open one.
import { Button } from 'antd';
import type { TFunction } from 'i18next';
import { type PromiseState, promiseState } from '../../../src-main/shared/promise-state';
import type { CasePromise, CaseView } from '../../../src-main/shared/types';
import { type Tone, ToneTag } from '../../components/ToneTag';
import type { CaseFormat } from './case-format';
import { LongText, Row, Value } from './CaseFields';

const TONE: Record<PromiseState, Tone> = { open: 'info', kept: 'good', missed: 'bad' };

interface Props {
  c: Pick<CaseView, 'promises'>;
  f: CaseFormat;
  /** Set when this user may answer the case's promises now. */
  onAnswer?: (promiseId: string) => void;
}

export function PromiseRows({ c, f, onAnswer }: Props) {
  const { t } = f;
  const now = Date.now();
  if (c.promises.length === 0) return <Value>{null}</Value>;
  return (
    <>
      {c.promises.map((p) => {
        const state = promiseState(p, now);
        return (
          <Row key={p.id} label={f.time(p.promisedAt) ?? ''} testId={`promise-${p.id}`}>
            <div data-promise-state={state}>
              <ToneTag tone={TONE[state]}>{t(`promiseState.${state}`)}</ToneTag>
              {p.answeredAt === null ? (
                <span>
                  {state === 'missed'
                    ? t('caseScreen.promiseOverdue')
                    : t('caseScreen.promiseDueBy', { at: f.time(p.promisedAt) })}
                </span>
              ) : (
                <span>
                  {t('caseScreen.promiseAnswered', { at: f.time(p.answeredAt) })}
                  {p.answeredBy && ` · ${t('caseScreen.promiseAnsweredBy')} ${f.name(p.answeredBy)}`}
                </span>
              )}
              {onAnswer && p.answeredAt === null && (
                <Button
                  size="small"
                  style={{ marginInlineStart: 8 }}
                  data-answer-promise={p.id}
                  onClick={() => onAnswer(p.id)}
                >
                  {t('caseScreen.answerPromise')}
                </Button>
              )}
            </div>
            <div style={{ color: '#4b5563' }}>
              {t('caseScreen.madeBy')} {f.name(p.madeBy)} · {f.time(p.madeAt)}
            </div>
            {p.note && <div style={{ whiteSpace: 'pre-wrap' }}>{p.note}</div>}
            {p.replyText && (
              <div>
                <strong>{t('caseScreen.promiseReply')}:</strong>
                <LongText text={p.replyText} label={t('caseScreen.promiseReply')} />
              </div>
            )}
          </Row>
        );
      })}
    </>
  );
}

/** What answering a promise will do (the confirmation dialog's notice). */
export function promiseAnswerNotice(t: TFunction, f: CaseFormat, p: CasePromise | undefined): string | undefined {
  if (!p) return undefined;
  return t('caseScreen.answerNotice', {
    at: f.time(p.promisedAt),
    state: t(`promiseState.${promiseState({ promisedAt: p.promisedAt, answeredAt: Date.now() }, Date.now())}`),
  });
}
