import { stageLines } from '../engine/script-machine.js';
import type { VoiceRequest } from '../engine/customer-voice.js';
import type { DialogueAct } from '../evaluation/model/heads.js';
import type { PromptLibrary } from '../prompts/prompt-library.js';
import type { ChatMessage } from './chat-model.js';
import { boundHistory } from './history-window.js';
import { LANGUAGE_NAMES } from './language-names.js';

/**
 * The persona voice's messages: one system prompt (rules, persona, stage, and a summary line when
 * older turns were dropped), then the recent conversation with the trainee as `user` and the
 * customer as `assistant`. The backstory is part of the prompt only when `revealAllowed`: a model
 * cannot leak what it was never told.
 */
export function buildVoiceMessages(prompts: PromptLibrary, request: VoiceRequest, maxHistoryTurns: number): ChatMessage[] {
  const { persona, lang } = request;
  const stage = persona.stages[request.stageId];
  if (!stage) throw new Error(`persona ${persona.id} has no stage ${request.stageId}`);
  const backstory = request.revealAllowed
    ? prompts.render('persona-backstory-revealed', { backstory: persona.backstory[lang] })
    : prompts.render('persona-backstory-hidden', {});
  let system = prompts.render('persona-voice', {
    customerName: persona.customerName[lang],
    channel: persona.channel.replace('_', ' '),
    situation: persona.brief[lang].situation,
    languageName: LANGUAGE_NAMES[lang],
    backstory,
    stageId: request.stageId,
    intensity: request.intensity,
    stageEnd: stage.end ?? 'continues',
    // The plan's lines never ask for a fact the trainee already gave; without a plan (the opening) the stage's own.
    stageLines: (request.plan && request.plan.stageLines.length > 0 ? request.plan.stageLines : stageLines(stage, lang, request.intensity))
      .map((line) => `- ${line}`)
      .join('\n'),
    listening: listening(prompts, request),
  });
  const window = boundHistory(request.history, maxHistoryTurns);
  if (window.omitted > 0) {
    system += `\n\n${prompts.render('history-summary', { omittedTurns: String(window.omitted), opening: window.opening ?? '…' })}`;
  }
  return [
    { role: 'system', content: system },
    ...window.recent.map((turn): ChatMessage => ({ role: turn.role === 'trainee' ? 'user' : 'assistant', content: turn.text })),
  ];
}

/** Dialogue acts as the voice is told them. */
const ACT_WORDS: Readonly<Record<DialogueAct, string>> = {
  asks_open: 'asks you an open question',
  asks_closed: 'asks you a closed or factual question',
  gives_info: 'gives you information',
  offers_step: 'offers a concrete next step',
  names_time: 'names a time for it',
  proposes_contact: 'proposes a call or a meeting',
  apologises: 'apologises',
  acknowledges: 'acknowledges how you feel',
  summarises: 'sums up your concern',
  justifies: 'justifies or defends themselves',
  lectures: 'lectures you',
  blames: 'blames you',
  refuses: 'says no to something',
  sets_boundary: 'tells you to stop insulting them or to watch your tone',
  ends_call: 'ends the conversation',
  wind_up: 'takes long to get to the point',
};

/**
 * What the customer heard in the last reply, from the same plan the scripted voice says: the
 * reply's acts, the facts already given (never to be asked again), the time promised, and the
 * reaction that comes first. Empty before the first reply.
 */
function listening(prompts: PromptLibrary, request: VoiceRequest): string {
  const { heard, plan, persona, lang } = request;
  if (!heard || !plan) return '';
  const about = (id: string) => persona.facts?.[id]?.about[lang] ?? id;
  const open = Object.keys(persona.facts ?? {}).filter((id) => !heard.givenFacts.includes(id));
  const reaction = plan.reaction
    ? `${plan.reaction.family.replace(/_/g, ' ')}, as in: ${plan.reaction.lines.map((line) => `"${line}"`).join(' or ')}, then the line above.`
    : `${plan.family.replace(/_/g, ' ')}: the line above is all.`;
  return prompts.render('persona-listening', {
    acts: heard.acts.length > 0 ? heard.acts.map((act) => ACT_WORDS[act]).join(', ') : 'nothing in particular',
    given: heard.givenFacts.length > 0 ? heard.givenFacts.map(about).join('; ') : 'nothing yet',
    open: open.length > 0 ? open.map(about).join('; ') : 'nothing',
    promise: heard.promisedTime ? `They promised you a time: "${heard.promisedTime}". Take it up.` : '',
    reaction,
  });
}

/** Texts the trainee has already seen or that the script says anyway: words from them are no leak. */
export function knownTexts(request: VoiceRequest): string[] {
  const { persona, lang } = request;
  const scriptLines = Object.values(persona.stages)
    .filter((stage) => !stage.reveals)
    .flatMap((stage) => [...stage.lines[lang], ...(stage.gentle?.[lang] ?? []), ...(stage.harsh?.[lang] ?? []), stage.narration?.[lang] ?? '']);
  return [persona.brief[lang].situation, persona.brief[lang].goal, persona.customerName[lang], ...scriptLines, ...request.history.map((turn) => turn.text)];
}
