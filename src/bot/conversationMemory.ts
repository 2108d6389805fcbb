// Where to reach each person and conversation later (proactive messages, card updates), kept in the store
// as conversation references. Every turn carries the reference; writing it only when it changed saves two
// writes per turn.
import type { Activity } from 'botbuilder';
import type { Language } from '../i18n/index.js';
import type { ConversationStore } from '../store/index.js';
import { conversationKey, type StoredReference, userKey } from './conversationKeys.js';
import { conversationReferenceOf } from './turnParty.js';

/** References remembered as written, per process (newest kept). */
const MAX_REMEMBERED_REFERENCES = 10_000;

export class ConversationMemory {
  private readonly written = new Map<string, string>();

  constructor(private readonly conversations: ConversationStore) {}

  /** Keeps this conversation, and for a 1:1 chat the person, in the language they speak there. */
  async remember(activity: Activity, language: Language): Promise<void> {
    await this.save(conversationKey(activity.conversation.id), activity, language);
    if (activity.conversation.conversationType === 'personal' && activity.from.aadObjectId) {
      await this.save(userKey(activity.from.aadObjectId), activity, language);
    }
  }

  /** Saves the activity's conversation under `key` (unless this process wrote the same already). */
  async save(key: string, activity: Activity, language: Language): Promise<void> {
    const stored = storedReferenceOf(activity, language);
    const json = JSON.stringify(stored);
    if (this.written.get(key) === json) return;
    await this.conversations.saveReference(key, stored);
    this.written.delete(key);
    this.written.set(key, json);
    if (this.written.size > MAX_REMEMBERED_REFERENCES) {
      const oldest = this.written.keys().next().value;
      if (oldest !== undefined) this.written.delete(oldest);
    }
  }
}

/**
 * Where to reach this conversation later, without the incoming activity's id: proactive posts start new
 * messages instead of replying to whatever was said last (in a channel that would bury approval cards in
 * the thread of an old command).
 */
function storedReferenceOf(activity: Activity, language: Language): StoredReference {
  const { activityId: _latest, ...reference } = conversationReferenceOf(activity);
  return { reference, language };
}
