// Inputs of sign-in, PIN self-service and the manager's staff, units and categories screens.
import { z } from 'zod';
import { ROLES } from '../enums';
import type { SessionUser } from '../types';
import { Id, Pin, shortText } from './common';

export const StaffNo = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9]{2,12}$/.test(v), {
    params: { zh: '须为 2–12 位字母或数字', en: 'must be 2–12 letters or digits' },
  });

export const SignInInput = z.strictObject({ staffNo: StaffNo, pin: z.string().max(8) });
export const UserCreateInput = z
  .strictObject({
    staffNo: StaffNo,
    name: shortText(50),
    role: z.enum(ROLES),
    unitId: Id.optional(),
    pin: Pin,
    /** The manager knows an initial PIN, so its owner changes it at the first sign-in (off only for seeded demo staff). */
    mustChangePin: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'unit_staff' && !v.unitId) {
      ctx.addIssue({
        code: 'custom',
        path: ['unitId'],
        params: { zh: '被投诉单位人员须指定所属单位', en: 'is required for unit staff' },
      });
    }
  });
/** A PIN someone chooses for themselves: 6–8 digits, not 123456, not one digit repeated. */
export const NewPin = z
  .string()
  .refine((v) => /^\d{6,8}$/.test(v), { params: { zh: '须为 6–8 位数字', en: 'must be 6–8 digits' } })
  .refine((v) => !/^\d{6,8}$/.test(v) || (v !== '123456' && !/^(\d)\1+$/.test(v)), {
    params: {
      zh: '太容易猜到:不能是 123456 或同一数字重复',
      en: 'is too easy to guess: not 123456 or one digit repeated',
    },
  });
export const PinChangeInput = z
  .strictObject({ currentPin: z.string().max(8), newPin: NewPin, confirmPin: z.string().max(8) })
  .superRefine((v, ctx) => {
    if (v.newPin !== v.confirmPin)
      ctx.addIssue({
        code: 'custom',
        path: ['confirmPin'],
        params: { zh: '两次输入的新 PIN 不一致', en: 'does not match the new PIN' },
      });
    if (v.newPin === v.currentPin)
      ctx.addIssue({
        code: 'custom',
        path: ['newPin'],
        params: { zh: '新 PIN 不能与当前 PIN 相同', en: 'must differ from the current PIN' },
      });
  });
/** The manager's reset: a temporary PIN the user must change at the next sign-in. */
export const PinResetInput = z.strictObject({ userId: Id, temporaryPin: Pin });
export const UserUnlockInput = z.strictObject({ userId: Id });
export const UserActiveInput = z.strictObject({ userId: Id, active: z.boolean() });
export const UnitCreateInput = z.strictObject({
  code: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9_-]{1,20}$/.test(v), {
      params: { zh: '须为 1–20 位字母、数字、-或_', en: 'must be 1–20 letters, digits, - or _' },
    }),
  name: shortText(50),
});
export const CategoryCreateInput = z.strictObject({
  code: z
    .string()
    .trim()
    .refine((v) => /^[a-z0-9_]{1,40}$/.test(v), {
      params: { zh: '须为 1–40 位小写字母、数字或_', en: 'must be 1–40 lower-case letters, digits or _' },
    }),
  zh: shortText(30),
  en: shortText(50),
});

/** A user as the manager's staff list shows it: whether locked now, whether a PIN change is due. */
export interface StaffListUser extends SessionUser {
  active: boolean;
  locked: boolean;
  mustChangePin: boolean;
}
