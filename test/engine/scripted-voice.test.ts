import { describe, expect, it } from 'vitest';
import { createScriptedVoice, echoes } from '../../src/engine/scripted-voice.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import type { VoiceRequest } from '../../src/engine/customer-voice.js';

const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

function request(personaId: string, reaction: string, stageLine: string | string[]): VoiceRequest {
  return {
    persona: catalog.require(personaId),
    lang: 'en',
    intensity: 'standard',
    stageId: 'cold',
    revealAllowed: false,
    history: [],
    said: [],
    plan: {
      family: 'lecture_rebuked',
      reaction: { family: 'lecture_rebuked', lines: [reaction] },
      stageLines: typeof stageLine === 'string' ? [stageLine] : stageLine,
    },
  };
}

describe('the scripted voice joins a reaction and a stage line', () => {
  it('writes one e-mail, not two: the reaction keeps its greeting, the stage line its signature', async () => {
    const voice = createScriptedVoice({ random: () => 0 });
    const { text } = await voice.nextLine(
      request(
        'drifting-client',
        'Good afternoon,\nI do not need an explanation of how our processes ought to work.\nHartmann',
        'Hello,\njustifications do not help us.\nHartmann',
      ),
    );
    // the stage line's greeting is dropped, and with it the lower case that followed it
    expect(text).toBe('Good afternoon,\nI do not need an explanation of how our processes ought to work.\nJustifications do not help us.\nHartmann');
    expect(text.match(/Hartmann/g)).toHaveLength(1);
  });

  it("drops the reaction's sign-off when the stage line signs differently", async () => {
    const voice = createScriptedVoice({ random: () => 0 });
    const { text } = await voice.nextLine(
      request(
        'drifting-client',
        'Hello,\nBy Thursday, then. I will hold you to that.\nHartmann',
        'Agreed. Over the last weeks your side has mostly sent paperwork.\nRegards\nS. Hartmann',
      ),
    );
    expect(text).toBe(
      'Hello,\nBy Thursday, then. I will hold you to that.\nAgreed. Over the last weeks your side has mostly sent paperwork.\nRegards\nS. Hartmann',
    );
    // a reaction of greeting and one sentence keeps its sentence
    const short = await voice.nextLine(request('drifting-client', 'Hello,\nnoted.', 'Regards\nHartmann'));
    expect(short.text).toBe('Hello,\nnoted.\nRegards\nHartmann');
  });

  it('keeps both parts of a spoken turn, one after the other', async () => {
    const voice = createScriptedVoice({ random: () => 0 });
    const { text } = await voice.nextLine(request('frustrated', "Don't lecture me.", 'So what now?'));
    expect(text).toBe("Don't lecture me. So what now?");
  });
});

describe('a stage line never says the reaction again in the same turn', () => {
  it('passes over a stage line that opens like the reaction or shares most of its words', async () => {
    const voice = createScriptedVoice({ random: () => 0 });
    const { text } = await voice.nextLine(
      request('frustrated', 'Ach, jetzt bin ich schuld? Ich habe nur meine Rechnung bezahlen wollen!', [
        'Ach, jetzt bin ich also schuld? Ich habe nichts falsch gemacht!',
        'Nein, so nicht. Ich will wissen, wie ich heute Abend mein Hotel bezahle!',
      ]),
    );
    expect(text).toBe(
      'Ach, jetzt bin ich schuld? Ich habe nur meine Rechnung bezahlen wollen! Nein, so nicht. Ich will wissen, wie ich heute Abend mein Hotel bezahle!',
    );
  });

  it('still answers when every stage line echoes the reaction', async () => {
    const voice = createScriptedVoice({ random: () => 0 });
    const { text } = await voice.nextLine(
      request('impatient-caller', "My tone? I don't have time for this.", ["I don't have time for this. Just tell me when."]),
    );
    expect(text).toBe("My tone? I don't have time for this. I don't have time for this. Just tell me when.");
  });

  it.each([
    ["Oh, so now it's my fault? All I wanted was to pay my bill!", "Oh, so now it's my fault? I didn't do anything wrong!", true],
    ["My tone? I don't have time for this.", "I don't have time for this rubbish. Tell me when the card works.", true],
    ['Good afternoon,\nI reject the idea that the delay lies with us.\nHartmann', 'Good afternoon,\nI have to cancel the review meeting.\nHartmann', false],
    ["I don't need a lecture, I need my van.", "I don't have time for security questions.", false],
    ['Wie bitte? Ich habe Sie doch gar nicht beleidigt.', 'Ich möchte nicht sprechen. Bitte rufen Sie nicht wieder an.', false],
    ["Okay, limit up. That wasn't so hard.", 'Okay. Okay. Go on.', true],
    ['Gut, das kriege ich hin.', 'Gut. Und jetzt?', true],
    ['Right, I can do that.', 'Okay. Okay. Go on.', false],
    ['I see. Thursday, then.', 'I need the money today.', false],
    // the opening said again at a later sentence start of the reaction, two words long
    ["Right now, then. All right, I'll hold.", "All right. I'm listening. What exactly happens to the card now?", true],
    ["Right now, then. I'll hold.", "All right. I'm listening. What exactly happens to the card now?", false],
    // a line opening with the words the reaction said as a sentence of its own
    ["Then at least he'll have something warm. Thank you.", 'Thank you for going to the trouble. Is there anything else you need from us?', true],
    ['Dann hat er wenigstens etwas Warmes. Danke.', 'Danke, dass Sie sich die Mühe machen.', true],
    ["Then at least he'll have something warm.", 'Thank you for going to the trouble. Is there anything else you need from us?', false],
  ])('echoes(%j, %j) is %s', (reaction, line, expected) => {
    expect(echoes(reaction, line)).toBe(expected);
  });
});
