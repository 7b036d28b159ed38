import { stageLines } from '../engine/script-machine.js';
import type { VoiceRequest } from '../engine/customer-voice.js';
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
    stageLines: stageLines(stage, lang, request.intensity)
      .map((line) => `- ${line}`)
      .join('\n'),
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

/** Texts the trainee has already seen or that the script says anyway: words from them are no leak. */
export function knownTexts(request: VoiceRequest): string[] {
  const { persona, lang } = request;
  const scriptLines = Object.values(persona.stages)
    .filter((stage) => !stage.reveals)
    .flatMap((stage) => [...stage.lines[lang], ...(stage.gentle?.[lang] ?? []), ...(stage.harsh?.[lang] ?? []), stage.narration?.[lang] ?? '']);
  return [
    persona.brief[lang].situation,
    persona.brief[lang].goal,
    persona.customerName[lang],
    ...scriptLines,
    ...request.history.map((turn) => turn.text),
  ];
}
