// Clicks on a phishing wave's batch approval card: Approve all clean, Approve one account, Refresh. The
// clicker's approver membership is checked live for every click; the batch is handed to the request
// lifecycle's WaveApprovals, which audits it and queues the approvals (each account approved on its own,
// its unblock paced). The answer is the card as the store has it now, with a line for the clicker.
import type { Logger } from 'pino';
import type { Language, Translator } from '../../i18n/index.js';
import type { WaveApprovals, WaveView } from '../../requests/index.js';
import type { Actor } from '../../runbook/index.js';
import type { ApproverDirectory } from '../approvals/approverDirectory.js';
import type { SignCard } from '../cardSigning.js';
import { errorNotice } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import type { WaveVerb } from '../verbs.js';
import { batchCard } from './waveCards.js';

export interface WaveActionDeps {
  waves: WaveApprovals;
  directory: ApproverDirectory;
  t: Translator;
  logger: Logger;
  signCard: SignCard;
  unblocksPerMinute: number;
}

export interface WaveClick {
  verb: WaveVerb;
  waveId: string;
  requestId: string | undefined;
  clicker: Actor;
  conversationId: string;
  language: Language;
}

export async function handleWaveAction(deps: WaveActionDeps, click: WaveClick): Promise<AdaptiveCardJson> {
  const isApprover = await deps.directory.isApprover(click.clicker.aadObjectId);
  const view = async (wave: WaveView, notice?: string) => {
    const approvers = await deps.directory.reachableApprovers();
    return batchCard(
      wave,
      { t: deps.t, language: click.language, sign: deps.signCard },
      {
        view: isApprover ? 'approver' : 'status',
        notice,
        refreshUserIds: approvers.map((a) => a.teamsUserId),
        unblocksPerMinute: deps.unblocksPerMinute,
      },
    );
  };
  const notFound = () => errorNotice({ t: deps.t, language: click.language }, 'approval.notFound');
  if (click.verb === 'wave.refresh') {
    const wave = await deps.waves.view(click.waveId);
    return wave ? view(wave) : notFound();
  }
  if (click.verb === 'wave.approveOne' && !click.requestId) return notFound();
  const result = await deps.waves.approve({
    waveId: click.waveId,
    clicker: click.clicker,
    conversationId: click.conversationId,
    isApprover,
    selected: click.verb === 'wave.approveOne' && click.requestId ? [click.requestId] : undefined,
  });
  if (result.kind === 'not-found') return notFound();
  if (result.kind === 'refused') return view(result.wave, deps.t.t(click.language, 'approval.notApprover'));
  return view(
    result.wave,
    deps.t.t(click.language, result.count > 0 ? 'wave.approving' : 'wave.noneClean', { count: result.count }),
  );
}
