// The steps of guided handling ticked on a case, read-only (issue 21 §3): head office's console case view.
// The steps are named by head office's library in force when the console passes it, else the one shipped
// with the app (the snapshot carries the keys); a step neither knows is shown by its key. Each with who
// ticked it and when.
import { Typography } from 'antd';
import { stepsForChannel } from '../../../src-main/shared/handling-guide';
import { PhraseLibrary } from '../../../src-main/shared/reference-data';
import shipped from '../../../src-main/shared/reference/default-phrase-library.json';
import type { CaseView } from '../../../src-main/shared/types';
import type { CaseFormat } from '../cases/case-format';
import { Row, Section } from '../cases/CaseFields';

const SHIPPED = PhraseLibrary.parse(shipped);

export function TickedStepsReadOnly({
  c,
  f,
  lang,
  library = SHIPPED,
}: {
  c: CaseView;
  f: CaseFormat;
  lang: string;
  library?: PhraseLibrary;
}) {
  const ticked = c.handlingSteps ?? [];
  const steps = stepsForChannel(library, c.channel);
  const title = (key: string) => {
    const s = library.steps.find((x) => x.key === key) ?? SHIPPED.steps.find((x) => x.key === key);
    return s ? (lang === 'en' ? s.title.en : s.title.zh) : key;
  };
  return (
    <Section id="handlingSteps" title={f.t('guide.title')}>
      <Row label={f.t('guide.done')} testId="steps-progress">
        {ticked.length === 0
          ? f.t('guide.none')
          : f.t('guide.progress', {
              done: ticked.filter((x) => steps.some((s) => s.key === x.stepKey)).length,
              total: steps.length,
            })}
      </Row>
      {ticked.map((x) => (
        <Row key={x.stepKey} label={title(x.stepKey)}>
          <Typography.Text>{f.t('guide.ticked', { name: x.tickedByName, at: f.time(x.tickedAt) })}</Typography.Text>
        </Row>
      ))}
    </Section>
  );
}
