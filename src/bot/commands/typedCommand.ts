// What a person typed, as a command: the few typed commands the bot knows beside the runbook's own
// language (help, status, cancel, start over, "unblock rob"), which src/runbook/agentMessage.ts understands.
import type { TurnContext } from 'botbuilder';
import { type Language, resolveLanguage } from '../../i18n/index.js';
import { type AgentIntent, parseAgentMessage } from '../../runbook/index.js';

export type TypedCommand =
  /** An approver names the channel where approval cards go, and the language they speak there. */
  { kind: 'set-approvals-channel'; channelLanguage: Language } | AgentIntent;

const SET_APPROVALS_CHANNEL = /^set approvals? channel(?:\s+(en|da|sv|sl|nl))?$/i;

export function parseTypedCommand(text: string): TypedCommand {
  const setChannel = SET_APPROVALS_CHANNEL.exec(text);
  // The channel is shared, so its cards speak one configured language: English unless named.
  if (setChannel)
    return { kind: 'set-approvals-channel', channelLanguage: resolveLanguage(setChannel[1] ?? 'en') };
  return parseAgentMessage(text);
}

/** The text a person typed, without the bot's @mention (channels) and surrounding whitespace. */
export function typedText(context: TurnContext): string {
  const raw = typeof context.activity.text === 'string' ? context.activity.text : '';
  return raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
