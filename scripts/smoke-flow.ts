// The Electron smoke test's steps on an empty store, through the contract's channels (the bridge in the app, dispatch in its test).

/** Calls one channel and returns its Result envelope, as window.branchDesk.invoke does. */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export interface SmokeOutcome {
  managerStaffNo: string;
  caseNumber: string;
  /** Where print.saveAs wrote the case record, or null if it wrote nothing. */
  pdfPath: string | null;
}

export class SmokeFailure extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The value of an ok envelope; a refusal or anything else fails the step in both languages. */
async function step(invoke: Invoke, channel: string, input: unknown): Promise<Record<string, unknown>> {
  const r = await invoke(channel, input);
  if (isRecord(r) && r.ok === true && isRecord(r.value)) return r.value;
  const error = isRecord(r) && isRecord(r.error) ? r.error : null;
  const message = error && isRecord(error.message) ? error.message : null;
  const said = message ? `${String(message.zh)} / ${String(message.en)}` : JSON.stringify(r);
  throw new SmokeFailure(`冒烟测试步骤 ${channel} 失败 / Smoke test step ${channel} failed: ${said}`);
}

export async function smokeFlow(invoke: Invoke): Promise<SmokeOutcome> {
  const status = await step(invoke, 'setup.status', {});
  if (status.needsFirstManager !== true)
    throw new SmokeFailure('冒烟测试须从空的数据目录开始 / The smoke test must start on an empty data folder');
  const managerStaffNo = 'M001';
  // The first manager chooses their own PIN, so no change is forced; the call also signs them in.
  await step(invoke, 'setup.firstManager', {
    staffNo: managerStaffNo,
    name: '冒烟测试店长',
    role: 'manager',
    pin: '246810',
    mustChangePin: false,
  });
  const created = await step(invoke, 'cases.create', {
    channel: 'letter',
    customer: { name: '冒烟测试顾客' },
    content: '冒烟测试:登记一宗来信投诉并打印其记录 / Smoke test: a letter complaint registered and its record printed',
    categoryCode: 'other',
  });
  if (typeof created.id !== 'string' || typeof created.number !== 'string')
    throw new SmokeFailure(`登记的个案没有编号 / The registered case has no number: ${JSON.stringify(created)}`);
  const saved = await step(invoke, 'print.saveAs', { kind: 'case_record', id: created.id });
  return {
    managerStaffNo,
    caseNumber: created.number,
    pdfPath: typeof saved.path === 'string' ? saved.path : null,
  };
}
