// Evidence attachments through the contract (issue 19): add, list, void, content.
import { addAttachment } from '../services/attachment-intake';
import { attachmentContent, listAttachments, voidAttachment } from '../services/attachments';
import type { PrivateHandlers } from './types';

export const attachmentHandlers = {
  'attachments.add': (ctx, s, input) => addAttachment.parsed(ctx, s.actor, input),
  'attachments.list': (ctx, s, input) => listAttachments.parsed(ctx, s.actor, input),
  'attachments.void': (ctx, s, input) => voidAttachment.parsed(ctx, s.actor, input),
  'attachments.content': (ctx, s, input) => attachmentContent.parsed(ctx, s.actor, input),
} satisfies Partial<PrivateHandlers>;
