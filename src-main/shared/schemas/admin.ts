import { z } from 'zod';
import { ROLES } from '../enums';
import { Id, Pin, shortText } from './common';

export const StaffNo = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9]{2,12}$/.test(v), {
    params: { zh: '须为 2–12 位字母或数字', en: 'must be 2–12 letters or digits' },
  });

export const SignInInput = z.strictObject({ staffNo: StaffNo, pin: z.string().max(8) });
export const UserCreateInput = z
  .strictObject({ staffNo: StaffNo, name: shortText(50), role: z.enum(ROLES), unitId: Id.optional(), pin: Pin })
  .superRefine((v, ctx) => {
    if (v.role === 'unit_staff' && !v.unitId) {
      ctx.addIssue({
        code: 'custom',
        path: ['unitId'],
        params: { zh: '被投诉单位人员须指定所属单位', en: 'is required for unit staff' },
      });
    }
  });
export const PinChangeInput = z.strictObject({ currentPin: z.string().max(8), newPin: Pin });
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
