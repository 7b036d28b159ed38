import { describe, expect, it } from 'vitest';
import { createScriptedVoice } from '../../src/engine/scripted-voice.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import type { VoiceRequest } from '../../src/engine/customer-voice.js';

const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

function request(personaId: string, reaction: string, stageLine: string): VoiceRequest {
  return {
    persona: catalog.require(personaId),
    lang: 'en',
    intensity: 'standard',
    stageId: 'cold',
    revealAllowed: false,
    history: [],
    said: [],
    plan: { family: 'lecture_rebuked', reaction: { family: 'lecture_rebuked', lines: [reaction] }, stageLines: [stageLine] },
  };
}

describe('the scripted voice joins a reaction and a stage line', () => {
  it('writes one e-mail, not two: the reaction keeps its greeting, the stage line its signature', async () => {
    const voice = createScriptedVoice({ random: () => 0 });
    const { text } = await voice.nextLine(
      request('drifting-client', 'Good afternoon,\nI do not need an explanation of how our processes ought to work.\nHartmann', 'Hello,\njustifications do not help us.\nHartmann'),
    );
    expect(text).toBe('Good afternoon,\nI do not need an explanation of how our processes ought to work.\njustifications do not help us.\nHartmann');
    expect(text.match(/Hartmann/g)).toHaveLength(1);
  });

  it('keeps both parts of a spoken turn, one after the other', async () => {
    const voice = createScriptedVoice({ random: () => 0 });
    const { text } = await voice.nextLine(request('frustrated', "Don't lecture me.", 'So what now?'));
    expect(text).toBe("Don't lecture me. So what now?");
  });
});
