// Pure builders for notices: help, step summaries, outcomes and errors. Errors say what to do next and never
// carry an exception's text.
import type { Language, MessageKey, MessageVars, Translator } from '../../i18n/index.js';
import type { UnblockRequest } from '../../runbook/index.js';
import { type AdaptiveCardJson, renderCard } from './render.js';
import { userLabel } from './runbookCards.js';

type Style = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface NoticeModel {
  style: Style;
  header?: string | null;
  title: string;
  paragraphs: string[];
  facts?: { title: string; value: string }[];
  actions?: {
    title: string;
    /** A verb from src/bot/verbs.ts (a retry repeats whatever was clicked). */
    verb: string;
    data: object;
    style: 'default' | 'positive' | 'destructive';
  }[];
}

export function noticeCard(model: NoticeModel): AdaptiveCardJson {
  return renderCard('notice', {
    header: model.header ?? null,
    style: model.style,
    title: model.title,
    paragraphs: model.paragraphs.map((p) => ({ text: p, color: 'default', weight: 'default' })),
    facts: model.facts ?? [],
    actions: model.actions ?? [],
  });
}

export interface NoticeContext {
  t: Translator;
  language: Language;
}

const tr = (ctx: NoticeContext, key: MessageKey, vars?: MessageVars) => ctx.t.t(ctx.language, key, vars);

export function helpCard(ctx: NoticeContext): AdaptiveCardJson {
  return noticeCard({
    style: 'emphasis',
    title: tr(ctx, 'help.title'),
    paragraphs: [tr(ctx, 'help.intro'), tr(ctx, 'help.howToStart'), tr(ctx, 'help.commands')],
  });
}

/** Replaces a clicked step card: what was decided, with no buttons left to click. */
export function stepSummaryCard(_ctx: NoticeContext, header: string, summary: string): AdaptiveCardJson {
  return noticeCard({ style: 'good', header, title: `✓ ${summary}`, paragraphs: [] });
}

export function staleCardNotice(ctx: NoticeContext): AdaptiveCardJson {
  return noticeCard({
    style: 'warning',
    title: tr(ctx, 'errors.stepDone'),
    paragraphs: [tr(ctx, 'errors.stepDoneText')],
  });
}

export function errorNotice(
  ctx: NoticeContext,
  key: MessageKey,
  retry?: NoticeModel['actions'],
): AdaptiveCardJson {
  return noticeCard({
    style: 'attention',
    title: tr(ctx, 'errors.title'),
    paragraphs: [tr(ctx, key)],
    actions: retry,
  });
}

export function infoNotice(ctx: NoticeContext, key: MessageKey, vars?: MessageVars): AdaptiveCardJson {
  return noticeCard({ style: 'default', title: tr(ctx, 'app.name'), paragraphs: [tr(ctx, key, vars)] });
}

export function cancelledNotice(ctx: NoticeContext, request: UnblockRequest | null): AdaptiveCardJson {
  return noticeCard({
    style: 'default',
    title: tr(ctx, 'cancelled.title'),
    paragraphs: [
      request
        ? tr(ctx, 'cancelled.text', { user: userLabel(request.target) })
        : tr(ctx, 'cancelled.textNoUser'),
      tr(ctx, 'cancelled.again'),
    ],
  });
}

export function notRestrictedNotice(ctx: NoticeContext, request: UnblockRequest): AdaptiveCardJson {
  return noticeCard({
    style: 'good',
    title: tr(ctx, 'restriction.title'),
    paragraphs: [
      tr(ctx, 'restriction.notOnList', { user: userLabel(request.target) }),
      tr(ctx, 'restriction.notOnListNext'),
    ],
  });
}

export function warningNotice(ctx: NoticeContext, text: string): AdaptiveCardJson {
  return noticeCard({ style: 'warning', title: tr(ctx, 'app.name'), paragraphs: [text] });
}

export function activeRequestNotice(ctx: NoticeContext, existing: UnblockRequest): AdaptiveCardJson {
  return noticeCard({
    style: 'warning',
    title: tr(ctx, 'app.name'),
    paragraphs: [
      tr(ctx, 'who.activeRequest', {
        user: userLabel(existing.target),
        state: tr(ctx, `state.${existing.state}`),
        requester: existing.requester.name,
        date: ctx.t.formatDateTime(ctx.language, existing.createdAt),
      }),
    ],
  });
}

export function requestedNotice(ctx: NoticeContext, request: UnblockRequest): AdaptiveCardJson {
  const user = userLabel(request.target);
  return noticeCard({
    style: 'good',
    title: tr(ctx, 'requested.title'),
    paragraphs: [
      tr(ctx, 'requested.text', { user }),
      tr(ctx, 'requested.next', { user }),
      tr(ctx, 'requested.delay'),
      tr(ctx, 'unblock.comeBack'),
    ],
    facts: [
      { title: tr(ctx, 'requested.state'), value: tr(ctx, `state.${request.state}`) },
      { title: tr(ctx, 'requested.requestId'), value: request.id },
    ],
  });
}

/** The agent's own recent requests ("status"). */
export function statusCard(ctx: NoticeContext, requests: UnblockRequest[]): AdaptiveCardJson {
  if (requests.length === 0) {
    return noticeCard({
      style: 'default',
      title: tr(ctx, 'status.title'),
      paragraphs: [tr(ctx, 'status.none')],
    });
  }
  return noticeCard({
    style: 'default',
    title: tr(ctx, 'status.title'),
    paragraphs: [],
    facts: requests.map((r) => ({
      title: userLabel(r.target),
      value: `${tr(ctx, `state.${r.state}`)} · ${ctx.t.formatDateTime(ctx.language, r.updatedAt)}`,
    })),
  });
}
