// The panel 处理步骤与话术 beside the intake form (issue 21 §3): the ticks live in the form's draft until
// the case is saved with them; `useIntakeSteps` gives the form the ticks the library in force still has.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-main/shared/enums';
import { knownSteps } from '../../../src-main/shared/handling-guide';
import { GuidancePanel, guidanceQuery } from './GuidancePanel';

/** The ticks to send with the new case: those of steps the library in force has for the channel. */
export function useIntakeSteps(channel: Channel, ticked: readonly string[] | undefined): string[] {
  const q = useQuery(guidanceQuery);
  return knownSteps(q.data?.library, channel, ticked ?? []);
}

export function IntakeGuidance(props: {
  channel: Channel;
  ticked: readonly string[] | undefined;
  onChange: (ticked: string[]) => void;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const ticked = props.ticked ?? [];
  return (
    <GuidancePanel
      channel={props.channel}
      ticked={ticked.map((stepKey) => ({ stepKey }))}
      onToggle={(key, on) => props.onChange(on ? [...ticked, key] : ticked.filter((k) => k !== key))}
      note={t('guide.atIntake')}
      timeZone={props.timeZone}
    />
  );
}
