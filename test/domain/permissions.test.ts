// Every role × every ability against SPEC §11's table written out here, plus unit staff's own-unit rule.
import { describe, expect, it } from 'vitest';
import { ABILITIES, actsForUnit, can, type Ability } from '../../src-main/domain/permissions';
import { ROLES, type Role } from '../../src-main/shared/enums';

// Columns: clerk, unit_staff, secretary, supervisor, manager ('x' = allowed, '.' = refused).
const SPEC: Record<Ability, string> = {
  intake: 'xxxxx',
  note: 'xxxxx',
  promise: 'xxxxx',
  print: 'xxxxx',
  training: 'xxxxx',
  training_approve: '..x..',
  resolve: '.xxxx',
  extend: '.xxxx',
  forward: '..xxx',
  feedback: '..xxx',
  follow_up: '..xxx',
  escalate: '..xxx',
  resume: '..xxx',
  finding: '..xxx',
  typical: '..xxx',
  submit: '..xxx',
  file: '..xxx',
  read_anonymous: '..xxx',
  reports: '..xxx',
  reopen: '...xx',
  corrective_action: '..xxx',
  corrective_confirm: '...xx',
  capa_accounts: '....x',
  decline: '..x.x',
  review: '....x',
  admin: '....x',
  attachment_restricted: '..xxx',
  attachment_void: '..xxx',
  anonymise_person: '..x.x',
  person_request: '..x.x',
  case_link: '..xxx',
  merge_undo: '...xx',
};
const COLUMNS: readonly Role[] = ['clerk', 'unit_staff', 'secretary', 'supervisor', 'manager'];

const isAbility = (a: string): a is Ability => Object.hasOwn(ABILITIES, a);
const cases = Object.entries(SPEC).flatMap(([ability, row]) =>
  COLUMNS.map((role, i) => {
    if (!isAbility(ability)) throw new Error(`not an ability: ${ability}`);
    return { role, ability, allowed: row[i] === 'x' };
  }),
);

describe('can(role, ability)', () => {
  it('covers every ability and every role, no more', () => {
    expect(Object.keys(SPEC).sort()).toEqual(Object.keys(ABILITIES).sort());
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(cases).toHaveLength(ROLES.length * Object.keys(ABILITIES).length);
  });

  it.each(cases)('$role may $ability: $allowed', ({ role, ability, allowed }) => {
    expect(can(role, ability)).toBe(allowed);
  });
});

const SHOES = 'unit-shoes';
const FOOD = 'unit-food';

describe('actsForUnit', () => {
  it.each([
    { role: 'unit_staff', unitId: SHOES, handling: null, complained: SHOES, acts: true, why: 'complained unit is own' },
    { role: 'unit_staff', unitId: SHOES, handling: null, complained: FOOD, acts: false, why: 'another unit' },
    {
      role: 'unit_staff',
      unitId: SHOES,
      handling: SHOES,
      complained: FOOD,
      acts: true,
      why: 'handed over to own unit',
    },
    {
      role: 'unit_staff',
      unitId: SHOES,
      handling: FOOD,
      complained: SHOES,
      acts: false,
      why: 'handed over away from own unit',
    },
    { role: 'unit_staff', unitId: SHOES, handling: null, complained: null, acts: false, why: 'no unit on the case' },
    {
      role: 'unit_staff',
      unitId: null,
      handling: null,
      complained: null,
      acts: false,
      why: 'staff without a unit, case without one (null is not a match)',
    },
    { role: 'unit_staff', unitId: null, handling: null, complained: FOOD, acts: false, why: 'staff without a unit' },
    { role: 'clerk', unitId: null, handling: null, complained: FOOD, acts: true, why: 'not unit staff' },
    { role: 'secretary', unitId: null, handling: FOOD, complained: SHOES, acts: true, why: 'not unit staff' },
    { role: 'supervisor', unitId: null, handling: null, complained: null, acts: true, why: 'not unit staff' },
    { role: 'manager', unitId: SHOES, handling: FOOD, complained: FOOD, acts: true, why: 'not unit staff' },
  ] satisfies {
    role: Role;
    unitId: string | null;
    handling: string | null;
    complained: string | null;
    acts: boolean;
    why: string;
  }[])(
    '$role of $unitId on (handling $handling, complained $complained): $acts — $why',
    ({ role, unitId, handling, complained, acts }) => {
      expect(actsForUnit({ role, unitId }, { handlingUnitId: handling, complainedUnitId: complained })).toBe(acts);
    },
  );
});
