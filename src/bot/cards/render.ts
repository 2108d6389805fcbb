// Fills the Adaptive Card templates in cards/ with adaptivecards-templating. The templates are imported, so
// the compiled bundle carries them and needs no cards/ folder beside it.
import type * as ACData from 'adaptivecards-templating';
import approval from '../../../cards/approval.json';
import notice from '../../../cards/notice.json';
import runbookStep from '../../../cards/runbook-step.json';
import temporaryPassword from '../../../cards/temporary-password.json';

export type TemplateName = 'runbook-step' | 'temporary-password' | 'notice' | 'approval';

/** An Adaptive Card as JSON, ready to attach. */
export type AdaptiveCardJson = Record<string, unknown>;

const sources: Record<TemplateName, object> = {
  'runbook-step': runbookStep,
  'temporary-password': temporaryPassword,
  notice,
  approval,
};

const templates = new Map<TemplateName, ACData.Template>();

function template(name: TemplateName): ACData.Template {
  let loaded = templates.get(name);
  if (!loaded) {
    // Loaded on the first card, not at start: the engine and its expression parser (adaptive-expressions,
    // antlr4ts) are a large part of the bundle, and nothing else needs them.
    const { Template } = require('adaptivecards-templating') as typeof ACData;
    loaded = new Template(sources[name]);
    templates.set(name, loaded);
  }
  return loaded;
}

export function renderCard(name: TemplateName, data: object): AdaptiveCardJson {
  // Values are data, never template text: adaptivecards-templating does not re-expand "${…}" inside them.
  return template(name).expand({ $root: data }) as AdaptiveCardJson;
}
