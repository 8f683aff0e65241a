// The console's person's request routes (contract-person-data.ts), registered by routes.ts inside the
// console's session and CSRF hooks: find and export what head office holds under a phone, for a reviewer
// allowed to see personal data only, each written to hq_person_requests (phone masked) in words of its own.
import { seesPersonal } from './personal-data';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { personDataPdf, personFileName } from '../../src-main/pdf/person-data-pdf';
import { refuse } from '../../src-main/shared/errors';
import { maskPhone, normalizePhone } from '../../src-main/shared/phone';
import type { PersonData } from '../../src-main/shared/person-data-types';
import type { ZodTypeProvider } from '../route-schemas';
import type { HqStore } from '../store';
import { CONSOLE_TIME_ZONE } from './api-contract';
import {
  PERSON_PATHS,
  PersonExportBody,
  type PersonExportAnswer,
  PersonFindBody,
  type PersonFindAnswer,
} from './contract-person-data';
import { personDataAtHq } from './person-data';

type Reviewer = { username: string; name: string };

const countsOf = (d: PersonData) =>
  JSON.stringify({
    cases: d.cases.length,
    slips: d.slips.length,
    followUps: d.followUps.length,
    attachments: d.attachments.length,
  });

async function logRequest(
  store: HqStore,
  who: Reviewer,
  action: 'person_find' | 'person_export',
  d: PersonData,
  reason: string | null,
  at: number,
): Promise<void> {
  await store.run(
    'INSERT INTO hq_person_requests (at, reviewer, reviewer_name, action, phone_masked, reason, counts) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [at, who.username, who.name, action, maskPhone(d.phone), reason, countsOf(d)],
  );
}

/** Refused, in words, to a reviewer not allowed to see personal data. */
async function assertMaySeePersons(store: HqStore, who: Reviewer): Promise<void> {
  if (!(await seesPersonal(store, who.username)))
    throw refuse(
      'FORBIDDEN',
      '个人信息请求只能由获准查看个人信息的审核人员办理',
      "A person's request is handled only by reviewers allowed to see personal data",
    );
}

/** The body's schema accepted only what normalizePhone reads, so this never falls back. */
const phoneOf = (typed: string): string => normalizePhone(typed) ?? typed;

export function personDataRoutes(
  plain: FastifyInstance,
  store: HqStore,
  now: () => number,
  reviewerOf: (req: FastifyRequest) => Reviewer,
  body: <T extends z.ZodType>(schema: T) => z.ZodType<z.output<T>>,
): void {
  const app = plain.withTypeProvider<ZodTypeProvider>();
  const open = { config: { rateLimit: false } };

  app.post(
    PERSON_PATHS.find,
    { ...open, schema: { body: body(PersonFindBody) } },
    async (req): Promise<PersonFindAnswer> => {
      const who = reviewerOf(req);
      await assertMaySeePersons(store, who);
      const at = now();
      const d = await personDataAtHq(store, phoneOf(req.body.phone), at);
      await logRequest(store, who, 'person_find', d, null, at);
      return d;
    },
  );

  app.post(
    PERSON_PATHS.export,
    { ...open, schema: { body: body(PersonExportBody) } },
    async (req): Promise<PersonExportAnswer> => {
      const who = reviewerOf(req);
      await assertMaySeePersons(store, who);
      const at = now();
      const lang = req.body.lang ?? 'zh-CN';
      const d = await personDataAtHq(store, phoneOf(req.body.phone), at);
      // Logged before the files are made: an export that fails after this is still an access attempted.
      await logRequest(store, who, 'person_export', d, req.body.reason, at);
      const pdf = await personDataPdf(d, CONSOLE_TIME_ZONE, lang);
      const base = personFileName(d, CONSOLE_TIME_ZONE, lang);
      return {
        pdfBase64: pdf.toString('base64'),
        pdfFileName: `${base}.pdf`,
        json: JSON.stringify(d, null, 2),
        jsonFileName: `${base}.json`,
      };
    },
  );
}
