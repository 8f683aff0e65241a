/** Events main pushes to the renderer through the bridge. */
export const BRIDGE_EVENTS = ['sync.status', 'session.locked', 'settings.problem', 'reports.progress'] as const;
export type BridgeEvent = (typeof BRIDGE_EVENTS)[number];
