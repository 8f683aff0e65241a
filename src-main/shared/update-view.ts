// What the manager's update card shows: the newer version head office offers, whether it is downloaded and verified, and whether it was deferred.
export interface UpdateStatusView {
  /** The version this app runs. */
  current: string;
  /** The newer version head office offers; null when there is none. */
  available: string | null;
  /** The verified installer is in the update folder and will be installed on the next restart (unless deferred). */
  downloaded: boolean;
  /** The manager deferred this version: it is not installed on restart until a newer one arrives. */
  deferred: boolean;
  lastCheckedAt: number | null;
}
