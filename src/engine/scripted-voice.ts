import type { CustomerVoice } from './customer-voice.js';
import { requireStage, stageLines } from './script-machine.js';

/**
 * The offline voice: says one of the stage's prepared variants, preferring one not yet said in this
 * session, so repeated practice and a customer who stays in one stage both vary.
 */
export function createScriptedVoice(options: { random?: () => number } = {}): CustomerVoice {
  const random = options.random ?? Math.random;
  return {
    id: 'script',
    async nextLine(request) {
      const stage = requireStage(request.persona, request.stageId);
      const variants = stageLines(stage, request.lang, request.intensity);
      const said = new Set(request.said);
      const fresh = variants.filter((line) => !said.has(line));
      const pool = fresh.length > 0 ? fresh : variants;
      const text = pool[Math.floor(random() * pool.length)] ?? variants[0] ?? '…';
      return { text, voice: 'script' };
    },
  };
}
