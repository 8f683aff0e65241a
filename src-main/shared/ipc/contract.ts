// The typed contract between the UI and the main process (ARCHITECTURE §3): every channel
// with its input schema and output type. Main's handler map must cover every channel (a
// missing one fails to compile); the renderer's lib/api.ts is the only caller.
import { ImportReferenceInput, type ReferenceImported, type ReferenceUpdateView } from '../schemas/reference-import';
import { z } from 'zod';
import type { Bilingual } from '../errors';
import type { QueueName } from '../enums';
import type { UpdateStatusView } from '../update-view';
import type { ResolutionWarning } from '../resolution-warnings';
import {
  CategoryCreateInput,
  PinChangeInput,
  SignInInput,
  UnitCreateInput,
  UserActiveInput,
  UserCreateInput,
} from '../schemas/admin';
import {
  CaseIntakeInput,
  CaseNumberInput,
  CaseOnlyInput,
  EscalateInput,
  EscalationOutcomeInput,
  ExtendInput,
  FeedbackInput,
  FindingInput,
  FollowUpCompleteInput,
  FollowUpScheduleInput,
  ForwardInput,
  NoteInput,
  PromiseAnswerInput,
  PromiseInput,
  ReasonInput,
  ResolveInput,
  ResumeInput,
  ReviewInput,
  TypicalInput,
} from '../schemas/case';
import { DeclineInput } from '../schemas/acceptance';
import { FlaggedItemInput, ItemCallsInput, NoticeAckInput } from '../schemas/products';
import {
  AddAttachmentInput,
  AttachmentContentInput,
  ListAttachmentsInput,
  VoidAttachmentInput,
} from '../schemas/attachments';
import { AnonymisePersonInput, type AnonymisePersonResult, type RetentionStatus } from '../schemas/anonymise-person';
import type { AttachmentAdded, AttachmentContent, AttachmentView } from '../attachment-types';
import type { FlaggedItems, ItemCallsResult, ItemComplainant, NoticeWaiting } from '../product-types';
import { DraftKeyInput, DraftSaveInput, type DraftView } from '../schemas/draft';
import { IntakeCheckInput, IntakeMatchesInput, QueueInput, SearchInput } from '../schemas/query';
import type { IntakeMatches } from '../intake-match-types';
import {
  ReportExportInput,
  ReportJobInput,
  ReportStartInput,
  TrainingCaseInput,
  TrainingListInput,
} from '../schemas/report';
import { PrintInput, SlipCreateInput, SlipNumberInput, SlipRef, SlipSettleInput, SlipVoidInput } from '../schemas/slip';
import { SlipListInput, SlipSearchInput, type SlipQueue } from '../schemas/slip';
import { type AppSettings, SettingsPatchSchema, SyncKeyInput } from '../settings-schema';
import type {
  CaseHistoryEntry,
  CaseView,
  FollowUp,
  IntakeCheck,
  Page,
  QueueRow,
  SessionUser,
  SlipRecord,
} from '../types';
import type { SlipRow, SlipView } from '../types';
import type { CaseReminder, ReminderWaiting } from '../types';
import type { ReportJobStatus, SummaryReport } from '../summary-types';
import type { TrainingCase, TrainingCaseRow } from '../training-types';
import type { TrainingDraft, TrainingQueueRow } from '../training-sheet-types';
import { TrainingApproveInput, TrainingQueueInput, TrainingReturnInput } from '../schemas/training';
import type { ChannelName } from './channel-names';
import type { DoubleRefundsView } from '../cross-branch-types';
import { ComplainantSignInput } from '../schemas/cross-branch';
import { PersonExportInput, PersonFindInput } from '../schemas/person-data';
import type { PersonData, PersonDataExport } from '../person-data-types';
import type { CapaAccountRow, CapaQueueRow, CorrectiveAction } from '../corrective-action-types';
import * as Capa from '../schemas/corrective-action';
import * as WorkCal from '../schemas/working-calendar';
import type { CalendarYearView, LocalClosureView } from '../working-calendar-view';
import { PinResetInput, type StaffListUser, UserUnlockInput } from '../schemas/admin';
import { AccessLogInput, RevealInput } from '../schemas/personal-data';
import type { AccessLogRow } from '../access-log-types';
import type { RevealedPersonalData } from '../personal-data';
import { type GuidanceLibrary, TickStepInput } from '../handling-guide';
import * as Links from '../schemas/case-links';
import type { MatchSuggestion } from '../case-links';
import type { CrossBranchMatterView } from '../matter-notice-wire';

/** A channel's output type, carried as a type only: the value is never read. */
const out = <T>() => undefined as unknown as T;
const Empty = z.strictObject({});

export interface UnitView {
  id: string;
  code: string;
  name: string;
  active: boolean;
}
export interface CategoryView {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface PrinterInfo {
  /** The name the operating system knows it by (what printing uses). */
  name: string;
  displayName: string;
  description: string;
}

/** What the UI shows about sync with head office (SPEC §10). */
export interface SyncStatusView {
  /** False until head office's address, the branch code and the key are set. */
  configured: boolean;
  state: 'idle' | 'syncing' | 'retrying' | 'stopped';
  /** Changes not yet confirmed by head office. */
  waiting: number;
  lastSuccessAt: number | null;
  lastError: Bilingual | null;
  progress: { sent: number; total: number } | null;
  nextRetryAt: number | null;
  /** An http:// head office on another computer, allowed by the manager: the sync line warns. */
  unencrypted?: boolean;
  /** The store is behind head office, or restoring from it (src-main/sync/README.md); absent: neither. */
  recovery?: 'behind' | 'recovering' | null;
  /** Attachment files head office has not confirmed yet (issue 19): how many and their bytes. */
  attachmentsWaiting?: { count: number; bytes: number };
  /** Issue 21 §1: the last reference update received (calendar years, the library), within 7 days; absent: none. */
  referenceUpdate?: ReferenceUpdateView | null;
}

export const contract = {
  'auth.signIn': { input: SignInInput, output: out<SessionUser>(), public: true },
  'auth.signOut': { input: Empty, output: out<null>(), public: true },
  'auth.whoami': { input: Empty, output: out<SessionUser | null>(), public: true },
  'auth.changePin': { input: PinChangeInput, output: out<null>() },
  'setup.status': { input: Empty, output: out<{ needsFirstManager: boolean }>(), public: true },
  'setup.firstManager': { input: UserCreateInput, output: out<SessionUser>(), public: true },
  'users.list': { input: Empty, output: out<(SessionUser & { active: boolean })[]>() },
  'users.create': { input: UserCreateInput, output: out<SessionUser>() },
  'users.setActive': { input: UserActiveInput, output: out<SessionUser>() },
  'users.accounts': { input: Empty, output: out<StaffListUser[]>() },
  'users.resetPin': { input: PinResetInput, output: out<null>() },
  'users.unlock': { input: UserUnlockInput, output: out<null>() },
  'auth.pinStatus': { input: Empty, output: out<{ mustChangePin: boolean }>() },
  'setup.demoHints': { input: Empty, output: out<{ demo: boolean }>(), public: true },
  'units.list': { input: Empty, output: out<UnitView[]>() },
  'units.create': { input: UnitCreateInput, output: out<UnitView>() },
  'categories.list': { input: Empty, output: out<CategoryView[]>() },
  'categories.create': { input: CategoryCreateInput, output: out<CategoryView>() },
  'intake.check': { input: IntakeCheckInput, output: out<IntakeCheck>() },
  'intake.matches': { input: IntakeMatchesInput, output: out<IntakeMatches>() },
  'cases.create': { input: CaseIntakeInput, output: out<CaseView>() },
  'cases.get': { input: CaseOnlyInput, output: out<CaseView>() },
  'cases.getByNumber': { input: CaseNumberInput, output: out<CaseView>() },
  'cases.forward': { input: ForwardInput, output: out<CaseView>() },
  'cases.decline': { input: DeclineInput, output: out<CaseView>() },
  'cases.resolve': { input: ResolveInput, output: out<CaseView & { warnings: ResolutionWarning[] }>() },
  'cases.feedback': { input: FeedbackInput, output: out<CaseView>() },
  'cases.escalate': { input: EscalateInput, output: out<CaseView>() },
  'cases.resume': { input: ResumeInput, output: out<CaseView>() },
  'cases.submit': { input: CaseOnlyInput, output: out<CaseView>() },
  'cases.review': { input: ReviewInput, output: out<CaseView>() },
  'cases.file': { input: CaseOnlyInput, output: out<CaseView>() },
  'cases.reopen': { input: ReasonInput, output: out<CaseView>() },
  'cases.addNote': { input: NoteInput, output: out<CaseView>() },
  'cases.promise': { input: PromiseInput, output: out<CaseView>() },
  'cases.answerPromise': { input: PromiseAnswerInput, output: out<CaseView>() },
  'cases.extend': { input: ExtendInput, output: out<CaseView>() },
  'cases.finding': { input: FindingInput, output: out<CaseView>() },
  'cases.typical': { input: TypicalInput, output: out<CaseView>() },
  'cases.escalationOutcome': { input: EscalationOutcomeInput, output: out<CaseView>() },
  'cases.history': { input: CaseOnlyInput, output: out<CaseHistoryEntry[]>() },
  'followUps.schedule': { input: FollowUpScheduleInput, output: out<{ case: CaseView; followUp: FollowUp }>() },
  'followUps.complete': { input: FollowUpCompleteInput, output: out<{ case: CaseView; followUp: FollowUp }>() },
  'cases.fileUnreachable': { input: CaseOnlyInput, output: out<CaseView>() },
  'capa.create': { input: Capa.CapaCreateInput, output: out<{ case: CaseView; action: CorrectiveAction }>() },
  'capa.done': { input: Capa.CapaDoneInput, output: out<{ case: CaseView; action: CorrectiveAction }>() },
  'capa.confirm': { input: Capa.CapaConfirmInput, output: out<{ case: CaseView; action: CorrectiveAction }>() },
  'capa.return': { input: Capa.CapaReturnInput, output: out<{ case: CaseView; action: CorrectiveAction }>() },
  'capa.queue': { input: Capa.CapaQueueInput, output: out<CapaQueueRow[]>() },
  'capa.accounts': { input: Capa.CapaAccountsInput, output: out<CapaAccountRow[]>() },
  // issue 21 §2: the working calendar (year view) and the manager's local closures.
  'calendar.year': { input: WorkCal.CalendarYearInput, output: out<CalendarYearView>() },
  'calendar.closureAdd': { input: WorkCal.LocalClosureAddInput, output: out<LocalClosureView>() },
  'calendar.closureRemove': { input: WorkCal.LocalClosureRemoveInput, output: out<LocalClosureView>() },
  'queues.list': { input: QueueInput, output: out<Page<QueueRow>>() },
  'queues.counts': { input: Empty, output: out<Partial<Record<QueueName, number>>>() },
  'reminders.ofCase': { input: CaseOnlyInput, output: out<CaseReminder[]>() },
  'reminders.markSeen': { input: CaseOnlyInput, output: out<number>() },
  'reminders.waiting': { input: Empty, output: out<ReminderWaiting[]>() },
  'search.cases': { input: SearchInput, output: out<Page<QueueRow>>() },
  'slips.create': { input: SlipCreateInput, output: out<SlipRecord>() },
  'slips.get': { input: SlipRef, output: out<SlipRecord>() },
  'slips.getByNumber': { input: SlipNumberInput, output: out<SlipRecord>() },
  'slips.approve': { input: SlipRef, output: out<SlipRecord>() },
  'slips.void': { input: SlipVoidInput, output: out<SlipRecord>() },
  'slips.settle': { input: SlipSettleInput, output: out<SlipRecord>() },
  'slips.view': { input: SlipRef, output: out<SlipView>() },
  'slips.list': { input: SlipListInput, output: out<Page<SlipRow>>() },
  'slips.counts': { input: Empty, output: out<Record<SlipQueue, number>>() },
  'slips.search': { input: SlipSearchInput, output: out<SlipRow[]>() },
  'print.render': { input: PrintInput, output: out<{ pdfBase64: string; fileName: string }>() },
  'print.toPrinter': { input: PrintInput, output: out<{ printed: boolean; printerName: string | null }>() },
  'print.saveAs': { input: PrintInput, output: out<{ path: string | null }>() },
  'print.printers': { input: Empty, output: out<{ available: boolean; printers: PrinterInfo[] }>() },
  'settings.get': { input: Empty, output: out<PublicSettings>(), public: true },
  'settings.update': { input: SettingsPatchSchema, output: out<PublicSettings>() },
  'settings.setSyncKey': { input: SyncKeyInput, output: out<PublicSettings>() },
  'sync.status': { input: Empty, output: out<SyncStatusView>() },
  'sync.now': { input: Empty, output: out<SyncStatusView>() },
  'sync.exportBatch': { input: Empty, output: out<{ path: string | null; records: number; batches: number }>() },
  'sync.recover': { input: Empty, output: out<SyncStatusView>() },
  'sync.importReference': { input: ImportReferenceInput, output: out<ReferenceImported>() },
  'update.status': { input: Empty, output: out<UpdateStatusView | null>() },
  'update.defer': { input: Empty, output: out<UpdateStatusView>() },
  'reports.start': { input: ReportStartInput, output: out<ReportJobStatus>() },
  'reports.status': { input: ReportJobInput, output: out<ReportJobStatus>() },
  'reports.cancel': { input: ReportJobInput, output: out<ReportJobStatus>() },
  'reports.result': { input: ReportJobInput, output: out<SummaryReport>() },
  'reports.export': { input: ReportExportInput, output: out<{ base64: string; fileName: string; mime: string }>() },
  'reports.saveAs': { input: ReportExportInput, output: out<{ path: string | null }>() },
  'training.list': { input: TrainingListInput, output: out<TrainingCaseRow[]>() },
  'training.get': { input: TrainingCaseInput, output: out<TrainingCase>() },
  'training.render': { input: TrainingCaseInput, output: out<{ pdfBase64: string; fileName: string }>() },
  'training.queue': { input: TrainingQueueInput, output: out<TrainingQueueRow[]>() },
  'training.draft': { input: TrainingCaseInput, output: out<TrainingDraft>() },
  'training.approve': { input: TrainingApproveInput, output: out<TrainingDraft>() },
  'training.return': { input: TrainingReturnInput, output: out<TrainingDraft>() },
  'products.flags': { input: Empty, output: out<FlaggedItems>() },
  'products.complainants': { input: FlaggedItemInput, output: out<ItemComplainant[]>() },
  'products.scheduleCalls': { input: ItemCallsInput, output: out<ItemCallsResult>() },
  'notices.waiting': { input: Empty, output: out<NoticeWaiting[]>() },
  'notices.acknowledge': { input: NoticeAckInput, output: out<NoticeWaiting[]>() },
  'drafts.save': { input: DraftSaveInput, output: out<{ savedAt: number }>() },
  'drafts.get': { input: DraftKeyInput, output: out<DraftView | null>() },
  'drafts.discard': { input: DraftKeyInput, output: out<null>() },
  'cases.complainantSign': { input: ComplainantSignInput, output: out<CaseView>() },
  'slips.doubleRefunds': { input: SlipRef, output: out<DoubleRefundsView>() },
  'attachments.add': { input: AddAttachmentInput, output: out<AttachmentAdded>() },
  'attachments.list': { input: ListAttachmentsInput, output: out<AttachmentView[]>() },
  'attachments.void': { input: VoidAttachmentInput, output: out<AttachmentView>() },
  'attachments.content': { input: AttachmentContentInput, output: out<AttachmentContent>() },
  'refunds.doubleWaiting': { input: Empty, output: out<DoubleRefundsView>() },
  // issue 20: personal data (reveal with a reason; the manager's access log).
  'personalData.reveal': { input: RevealInput, output: out<RevealedPersonalData>() },
  'personalData.accessLog': { input: AccessLogInput, output: out<AccessLogRow[]>() },
  'personalData.anonymisePerson': { input: AnonymisePersonInput, output: out<AnonymisePersonResult>() },
  'personalData.retentionStatus': { input: Empty, output: out<RetentionStatus>() },
  // A person's request (issue 20 §3): the secretary office and the manager.
  'personalData.find': { input: PersonFindInput, output: out<PersonData>() },
  'personalData.export': { input: PersonExportInput, output: out<PersonDataExport>() },
  // issue 21 §3: guided handling — the library in force (every signed-in role), a step ticked or unticked.
  'guidance.library': { input: Empty, output: out<GuidanceLibrary>() },
  'cases.tickStep': { input: TickStepInput, output: out<CaseView>() },
  // issue 22: cases of one matter. link answers the first case listed, unlink that case, merge the primary,
  // undoMerge the duplicate — each as this user may see it.
  'cases.suggestMatches': { input: Links.SuggestMatchesInput, output: out<MatchSuggestion[]>() },
  'cases.link': { input: Links.LinkCasesInput, output: out<CaseView>() },
  'cases.unlink': { input: Links.UnlinkCaseInput, output: out<CaseView>() },
  'cases.merge': { input: Links.MergeCasesInput, output: out<CaseView>() },
  'cases.undoMerge': { input: Links.UndoMergeInput, output: out<CaseView>() },
  // issue 22 §4: the newest cross-branch matter notice head office sent about the case (null: none).
  'cases.crossBranchMatter': { input: CaseOnlyInput, output: out<CrossBranchMatterView | null>() },
} as const;

/** Settings as the UI sees them: the encrypted key stays in main. */
export type PublicSettings = Omit<AppSettings, 'syncKeyEncrypted'> & { hasSyncKey: boolean };

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives: the channel's input after its schema parsed it (defaults applied, text trimmed). */
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>;
/** Channels answered without a signed-in user (sign-in, first-run setup, the settings a sign-in screen needs). */
export type PublicChannel = { [C in Channel]: Contract[C] extends { public: true } ? C : never }[Channel];
export type PrivateChannel = Exclude<Channel, PublicChannel>;
/** The schema that checks a channel's input: main parses with it once, the renderer checks a form with it before sending. */
export const inputSchemaOf = <C extends Channel>(channel: C): Contract[C]['input'] => contract[channel].input;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
export { CHANNEL_NAMES } from './channel-names';

// Compile-time agreement between the contract and the preload's channel list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const channelListMatches: Same<Channel, ChannelName> = true;
