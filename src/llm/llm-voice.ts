import type { CallOptions } from '../engine/call-options.js';
import type { CustomerVoice, VoiceLine, VoiceRequest } from '../engine/customer-voice.js';
import type { Logger } from '../log/logger.js';
import type { PromptLibrary } from '../prompts/prompt-library.js';
import type { CallAccounting } from './call-accounting.js';
import type { ChatModel } from './chat-model.js';
import { buildVoiceMessages, knownTexts } from './persona-prompt.js';
import { isCoaching, leaksBackstory, sanitizeLine } from './voice-guards.js';

interface LlmVoiceOptions {
  model: ChatModel;
  modelName: string;
  /** says the line when the model cannot, may not (cap) or should not (a guard tripped) */
  scriptedVoice: CustomerVoice;
  prompts: PromptLibrary;
  accounting: CallAccounting;
  log: Logger;
  historyTurns: number;
}

/** One to three spoken sentences; generous for German compounds, small enough to bound cost. */
const VOICE_MAX_TOKENS = 220;

/**
 * The LLM customer voice: writes the words of the script's current stage in character. The
 * script still decides escalation, reveal and hanging up; the model only words the stage's prepared
 * lines for this moment. Every output is sanitised, and a line that coaches the trainee, leaves the
 * role or gives the backstory away before the script allows it is replaced by the scripted line.
 *
 * No `streamLine`: the guards need the whole line before any of it may be shown (a leak cannot be
 * taken back), and the exchange waits for the judge's grade anyway, which arrives no sooner.
 */
export function createLlmVoice(options: LlmVoiceOptions): CustomerVoice {
  const { model, modelName, scriptedVoice, prompts, accounting, log } = options;
  const id = `llm-voice:${modelName}`;

  return {
    id,
    async nextLine(request: VoiceRequest, callOptions: CallOptions = {}): Promise<VoiceLine> {
      const signal = callOptions.signal;
      // the scripted line is the fallback for every path below, and costs nothing
      const scripted = await scriptedVoice.nextLine(request, signal ? { signal } : {});
      const cap = await accounting.capReached(callOptions);
      if (cap) {
        accounting.fellBack(callOptions, 'voice', cap === 'session' ? 'cap_session' : 'cap_guild');
        return scripted;
      }

      const messages = buildVoiceMessages(prompts, request, options.historyTurns);
      const result = await model.complete({ purpose: 'voice', model: modelName, messages, maxTokens: VOICE_MAX_TOKENS, temperature: 0.8 }, { signal });
      accounting.spent(callOptions, result.usage);
      if (!result.ok) {
        accounting.fellBack(callOptions, 'voice', result.kind);
        return scripted;
      }

      const names = [request.persona.customerName.de, request.persona.customerName.en];
      let text = sanitizeLine(result.text, names);
      if (result.finishReason === 'length') text = lastWholeSentence(text);
      const said = new Set(request.said.map((line) => line.trim().toLowerCase()));
      const problem =
        text === ''
          ? 'empty'
          : looksLikeData(text)
            ? 'data'
            : isCoaching(text)
              ? 'coaching'
              : !request.revealAllowed && leaksBackstory(text, request.persona.backstory[request.lang], knownTexts(request))
                ? 'backstory'
                : said.has(text.toLowerCase())
                  ? 'repeated'
                  : null;
      if (problem) {
        log.info({ sessionId: callOptions.session?.id, stageId: request.stageId, problem }, 'model line rejected, scripted line used');
        accounting.fellBack(callOptions, 'voice', problem === 'empty' ? 'empty' : problem === 'data' ? 'invalid_answer' : 'guard');
        return scripted;
      }
      return { text, voice: id, usage: result.usage };
    },
  };
}

/**
 * Not speech but data: a JSON object or markup, which a broken proxy or a confused model answers
 * instead of a line (the judge's structured answer, an error document). Shown as the customer's
 * words it would make no sense.
 */
function looksLikeData(text: string): boolean {
  return /^[[{<]/.test(text) || /"[\w-]+"\s*:\s*["{[\d]/.test(text) || /<\/?[a-z_]+(\s[^>]*)?>/i.test(text);
}

/** A line cut off by the token limit ends at its last full sentence, or is dropped. */
function lastWholeSentence(text: string): string {
  const end = Math.max(text.lastIndexOf('.'), text.lastIndexOf('!'), text.lastIndexOf('?'), text.lastIndexOf('…'));
  return end > 0 ? text.slice(0, end + 1) : '';
}
