// One sync's last step (issue 18 §3, §4): ask head office for the cross-branch flags and keep them.
// A head office that predates them answers 404: what was held stays, with its own as-of time.
import type { ServiceContext } from '../services/context';
import { storeCrossBranchFlags } from '../db/repositories/cross-branch-repo';
import type { Transport } from './transport';

/** True when an answer was stored. */
export async function pullCrossBranchFlags(ctx: ServiceContext, transport: Transport): Promise<boolean> {
  if (!transport.crossBranch) return false;
  const flags = await transport.crossBranch();
  if (!flags) return false;
  storeCrossBranchFlags(ctx.db, flags);
  return true;
}
