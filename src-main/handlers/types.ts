// The handler types: each channel's handler is typed by its contract entry — the input its
// schema parsed, the output the contract names — so a handler cannot take unchecked input or
// answer with a type the renderer does not expect (no casts: the maps use `satisfies`).
import type { Actor } from '../domain/case-machine';
import type { ServiceContext } from '../services/context';
import type {
  Channel,
  ChannelOutput,
  ChannelParsed,
  PrinterInfo,
  PrivateChannel,
  PublicChannel,
} from '../shared/ipc/contract';
import type { BridgeEvent } from '../shared/ipc/events';
import type { AppSettings } from '../shared/settings-schema';
import type { SyncService } from '../sync/sync-service';
import type { UpdateStatusView } from '../shared/update-view';
import type { SessionUser } from '../shared/types';

/** The signed-in user of one window; held by main, never taken from the renderer's arguments. */
export interface Session {
  user: SessionUser | null;
}

/** A session whose user is signed in: what every non-public handler receives. */
export type SignedIn = Session & { actor: Actor };

/** What only the desktop shell can do (OS print dialog, save dialog); absent in the browser mode. */
export interface PlatformPort {
  printPdf(
    pdf: Buffer,
    opts: { title: string; printerName: string },
  ): Promise<{ printed: boolean; printerName: string | null }>;
  savePdf(pdf: Buffer, suggestedName: string): Promise<string | null>;
  /** The printers the operating system knows, for the settings screen. */
  listPrinters(): Promise<PrinterInfo[]>;
  /** Any file through a save dialog (report CSV and spreadsheet); null when the user cancels. */
  saveFile?(
    data: Buffer,
    suggestedName: string,
    filter: { name: string; extensions: readonly string[] },
  ): Promise<string | null>;
}

/** The device settings as the handlers see them. */
export interface SettingsAccess {
  get(): AppSettings;
  update(raw: unknown): AppSettings;
  /** Stores the sync key encrypted by the operating system (safeStorage); absent where there is none. */
  setSyncKey?(key: string): AppSettings;
}

export interface AppContext extends ServiceContext {
  /** Where the form fonts are (the packaged app's resources); defaults to assets/fonts. */
  fontDir?: string;
  platform?: PlatformPort;
  settingsAccess?: SettingsAccess;
  /** Sync with head office; the shell creates it from the settings and the key. */
  sync?: SyncService;
  /** Updates through head office (src-main/update); absent where the app is not installed (browser mode, CLI). */
  update?: { status(): UpdateStatusView; defer(): UpdateStatusView };
  /** Pushes an event to the window (bridge events); absent in the browser mode and tests, where the UI polls. */
  emit?: (event: BridgeEvent, payload: unknown) => void;
}

type Out<C extends Channel> = ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handler<C extends Channel> = (ctx: AppContext, session: SignedIn, input: ChannelParsed<C>) => Out<C>;
export type PublicHandler<C extends Channel> = (ctx: AppContext, session: Session, input: ChannelParsed<C>) => Out<C>;

/** The handler map's shape: a missing or mistyped handler fails to compile. */
export type PublicHandlers = { [C in PublicChannel]: PublicHandler<C> };
export type PrivateHandlers = { [C in PrivateChannel]: Handler<C> };
