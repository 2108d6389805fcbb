// How the bot files conversation references in the store, and what it keeps with each.
import type { ConversationReference } from 'botbuilder';
import type { Language } from '../i18n/index.js';

export const USER_REFERENCE_PREFIX = 'user:';
export const APPROVALS_CHANNEL_KEY = 'approvals-channel';
/** Where the cases the bot opens by itself go ("set helpdesk channel"). */
export const HELPDESK_CHANNEL_KEY = 'helpdesk-channel';

export function conversationKey(conversationId: string): string {
  return `conversation:${conversationId}`;
}

export function userKey(aadObjectId: string): string {
  return `${USER_REFERENCE_PREFIX}${aadObjectId}`;
}

/** A reference plus the language to speak there (pinned when it was saved). */
export interface StoredReference {
  reference: Partial<ConversationReference>;
  language: Language;
}
