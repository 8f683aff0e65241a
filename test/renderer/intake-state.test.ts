// The intake form's state → the contract's input: a letter's, e-mail's or online message's arrival
// time is sent when typed (else main takes "now"); other channels never send one.
import { describe, expect, it } from 'vitest';
import { emptyIntake, toIntakeInput } from '../../src-renderer/features/intake/intake-state';
import { CaseIntakeInput } from '../../src-main/shared/schemas/case';

const filled = { ...emptyIntake(), content: '来信反映收银员态度差', categoryCode: 'service_attitude', name: '蒋堃' };

describe('received time at intake', () => {
  it('sends the typed arrival time of a letter, valid for the schema', () => {
    const input = toIntakeInput('other', { ...filled, subChannel: 'letter', receivedAt: '2026-11-23T09:15:00+08:00' });
    expect(input).toMatchObject({ channel: 'letter', receivedAt: '2026-11-23T09:15:00+08:00' });
    expect(CaseIntakeInput.safeParse(input).success).toBe(true);
  });

  it('leaves it to main ("now") when nothing is typed, and never sends it for phone or in-store', () => {
    expect(toIntakeInput('other', { ...filled, subChannel: 'email' }).receivedAt).toBeUndefined();
    expect(toIntakeInput('phone', { ...filled, receivedAt: '2026-11-23T09:15:00+08:00' }).receivedAt).toBeUndefined();
  });

  it('reads a draft saved before the field existed', () => {
    const { receivedAt: _dropped, ...old } = filled;
    const draft = JSON.parse(JSON.stringify(old));
    expect(
      toIntakeInput('other', { ...emptyIntake(), ...draft, receivedAt: draft.receivedAt }).receivedAt,
    ).toBeUndefined();
  });
});
