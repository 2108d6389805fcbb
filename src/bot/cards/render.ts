// Fills the Adaptive Card templates in cards/ with adaptivecards-templating. Templates are read once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as ACData from 'adaptivecards-templating';

export const cardsDirectory = path.resolve(__dirname, '../../../cards');

export type TemplateName = 'runbook-step' | 'temporary-password' | 'notice' | 'approval';

/** An Adaptive Card as JSON, ready to attach. */
export type AdaptiveCardJson = Record<string, unknown>;

const templates = new Map<TemplateName, ACData.Template>();

function template(name: TemplateName): ACData.Template {
  let loaded = templates.get(name);
  if (!loaded) {
    // Loaded on the first card, not at start: the engine and its expression parser (adaptive-expressions,
    // antlr4ts) are a large part of the bundle, and nothing else needs them.
    const { Template } = require('adaptivecards-templating') as typeof ACData;
    loaded = new Template(JSON.parse(readFileSync(path.join(cardsDirectory, `${name}.json`), 'utf8')));
    templates.set(name, loaded);
  }
  return loaded;
}

export function renderCard(name: TemplateName, data: object): AdaptiveCardJson {
  // Values are data, never template text: adaptivecards-templating does not re-expand "${…}" inside them.
  return template(name).expand({ $root: data }) as AdaptiveCardJson;
}
