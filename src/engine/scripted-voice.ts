import type { CustomerVoice } from './customer-voice.js';
import { requireStage, stageLines } from './script-machine.js';

/**
 * The offline voice: says the script's planned answer (a reaction to the reply, then a stage line),
 * or for the opening one of the stage's prepared variants, preferring one not yet said in this
 * session, so repeated practice and a customer who stays in one stage both vary.
 */
export function createScriptedVoice(options: { random?: () => number } = {}): CustomerVoice {
  const random = options.random ?? Math.random;
  return {
    id: 'script',
    async nextLine(request) {
      const choose = (lines: readonly string[]): string | undefined => lines[Math.floor(random() * lines.length)] ?? lines[0];
      const plan = request.plan;
      if (plan) {
        // The plan's lines are unsaid and never ask for what the trainee already gave.
        const parts = [plan.reaction ? choose(plan.reaction.lines) : undefined, choose(plan.stageLines)].filter((part) => part !== undefined);
        if (parts.length > 0) return { text: joinTurn(parts, request.persona.channel === 'email'), voice: 'script' };
      }
      const stage = requireStage(request.persona, request.stageId);
      const variants = stageLines(stage, request.lang, request.intensity);
      const said = new Set(request.said);
      const fresh = variants.filter((line) => !said.has(line));
      const text = choose(fresh.length > 0 ? fresh : variants) ?? '…';
      return { text, voice: 'script' };
    },
  };
}

/** A greeting line of an e-mail ("Good afternoon,", „Hallo Herr …,"). */
const GREETING = /^[^\n]{1,60},$/u;

/**
 * One customer turn from a reaction and a stage line. Spoken lines follow each other; two e-mails
 * become one: the reaction keeps its greeting, the stage line its signature.
 */
function joinTurn(parts: readonly string[], email: boolean): string {
  if (!email || parts.length < 2) return parts.join(' ');
  const [first = '', second = ''] = parts;
  const firstLines = first.split('\n');
  const secondLines = second.split('\n');
  const signature = secondLines.at(-1);
  if (firstLines.length > 1 && firstLines.at(-1) === signature) firstLines.pop();
  if (secondLines.length > 1 && GREETING.test(secondLines[0] ?? '') && GREETING.test(firstLines[0] ?? '')) secondLines.shift();
  return [...firstLines, ...secondLines].join('\n');
}
