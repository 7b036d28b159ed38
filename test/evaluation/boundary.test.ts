import { describe, expect, it } from 'vitest';
import { detectAbuse } from '../../src/evaluation/abuse.js';
import { assessBoundary } from '../../src/evaluation/boundary.js';
import { assessComposure } from '../../src/evaluation/composure.js';
import type { Language, Turn } from '../../src/evaluation/grade.js';
import { prepare } from '../../src/evaluation/grader-patterns.js';
import { assessSignals } from '../../src/evaluation/signals.js';

function boundary(lang: Language, customer: string, reply: string, history: Turn[] = []) {
  const abuse = detectAbuse(customer, lang);
  const composure = assessComposure({ reply, customer, lang });
  const prepared = prepare(reply);
  return assessBoundary({
    lang,
    customer,
    reply: prepared,
    signals: assessSignals(prepared, lang),
    needed: abuse.aimedAtAgent,
    abuseEvidence: abuse.evidence,
    history,
    composureScore: composure.score,
    composureFlags: composure.flags,
    namesInsult: composure.namesInsult === true,
  });
}

const INSULT = 'You are a complete idiot, you know that?';
const BELEIDIGUNG = 'Sie sind ja wohl der dümmste Berater, den ich je hatte!';
const VENTING = 'Your bank is a total shambles, nothing ever works here!';
const DAMPF = 'Ihre Bank ist eine Katastrophe, bei Ihnen funktioniert gar nichts!';

describe('boundary needed', () => {
  it('is needed for a personal insult and not for venting at the company', () => {
    expect(boundary('en', INSULT, 'Let me check.').needed).toBe(true);
    expect(boundary('de', BELEIDIGUNG, 'Ich prüfe das.').needed).toBe(true);
    expect(boundary('en', VENTING, 'Let me check.').needed).toBe(false);
    expect(boundary('de', DAMPF, 'Ich prüfe das.').needed).toBe(false);
  });

  it('quotes the insult as evidence only when a boundary was needed', () => {
    expect(boundary('en', INSULT, 'Let me check.').evidence.join(' ')).toMatch(/idiot/i);
    expect(boundary('en', VENTING, 'Let me check.').evidence).toEqual([]);
  });
});

describe('boundary verdicts', () => {
  it('not_needed: venting answered without a reprimand', () => {
    expect(boundary('en', VENTING, 'That is really annoying. I will look into it now.').verdict).toBe('not_needed');
    expect(boundary('de', DAMPF, 'Das ist wirklich ärgerlich. Ich kümmere mich sofort darum.').verdict).toBe('not_needed');
  });

  it('not_needed: a friendly goodbye to a customer who did not insult', () => {
    expect(boundary('en', 'Thanks, that was all.', 'You are welcome, goodbye!').verdict).toBe('not_needed');
  });

  it('not_needed: ending in so many words when the customer is closing anyway', () => {
    expect(boundary('en', 'Great, thanks, that is all.', "I'll end the call now. Have a nice day!").verdict).toBe('not_needed');
    expect(boundary('de', 'Danke, das war alles.', 'Dann beende ich das Gespräch jetzt. Schönen Tag noch!').verdict).toBe('not_needed');
  });

  it('set_well: the insult named calmly, with an offer to continue', () => {
    const result = boundary('en', INSULT, "Please don't talk to me like that. I'm happy to help once we keep it respectful.");
    expect(result).toMatchObject({ verdict: 'set_well', named: true, offeredToContinue: true });
    expect(boundary('de', BELEIDIGUNG, 'Bitte bleiben Sie sachlich. Dann kläre ich das gern mit Ihnen.').verdict).toBe('set_well');
  });

  it('set_well: a calm naming without an offer still counts, and says no offer was made', () => {
    const result = boundary('de', BELEIDIGUNG, 'Ich lasse mich nicht beleidigen.');
    expect(result).toMatchObject({ verdict: 'set_well', offeredToContinue: false });
  });

  it('set_well: the insult named in everyday words a trainee uses', () => {
    // each had been graded "missing" with the tip to name the insult the reply had just named
    expect(boundary('en', INSULT, "Please don't call me stupid. I'll check the transfer now.").verdict).toBe('set_well');
    expect(boundary('en', INSULT, "That's uncalled for. I'll check the transfer now.").verdict).toBe('set_well');
    expect(boundary('en', INSULT, "I'd rather you didn't call me that. I'll check the transfer now.").verdict).toBe('set_well');
    expect(boundary('en', INSULT, 'Names aside, I have found the transfer.').verdict).toBe('set_well');
    expect(boundary('de', BELEIDIGUNG, 'Das war jetzt unnötig. Ich prüfe die Überweisung sofort.').verdict).toBe('set_well');
    expect(boundary('de', BELEIDIGUNG, 'Ich möchte nicht beschimpft werden. Ich prüfe die Überweisung sofort.').verdict).toBe('set_well');
    expect(boundary('de', BELEIDIGUNG, 'Bitte lassen Sie solche Vergleiche. Ich prüfe die Überweisung sofort.').verdict).toBe('set_well');
    expect(boundary('de', BELEIDIGUNG, 'Bitte keine Schimpfwörter. Ich prüfe die Überweisung sofort.').verdict).toBe('set_well');
  });

  it('set_well: the insult word itself refused or set aside', () => {
    // found playing Mr Kessler: "Sleepyhead isn't a word I'll accept" had been told to name the insult
    const kessler = 'Listen here, sleepyhead, my application has been lying around on your desk for three weeks.';
    expect(boundary('en', kessler, "Sleepyhead isn't a word I'll accept, Mr Kessler. Two documents are missing.").verdict).toBe('set_well');
    expect(boundary('en', INSULT, "I'm not an idiot, and I'll check the transfer now.").verdict).toBe('set_well');
    expect(
      boundary(
        'de',
        'Hören Sie mal, Sie Schlafmütze, mein Antrag liegt seit drei Wochen bei Ihnen.',
        'Schlafmütze bin ich nicht. Es fehlen noch zwei Unterlagen.',
      ).verdict,
    ).toBe('set_well');
    expect(boundary('de', 'Sie Trottel, wo bleibt mein Geld?', 'Den Trottel überhöre ich mal. Ihr Geld ist unterwegs.').verdict).toBe('set_well');
    expect(boundary('de', 'Sie Trottel, wo bleibt mein Geld?', 'Ihr Geld ist unterwegs.').verdict).toBe('missing');
  });

  it('set_well: refusing to take or put up with the insults, in the words trainees use', () => {
    // found playing Mr Kessler: "I won't take insults, but …" had been graded "Boundary: missing"
    const ok = (lang: Language, customer: string, reply: string) => boundary(lang, customer, reply).verdict;
    expect(ok('en', INSULT, "I won't take insults, but I do want your loan sorted.")).toBe('set_well');
    expect(ok('en', INSULT, "I'm not going to take being called names. Two documents are missing.")).toBe('set_well');
    expect(ok('en', INSULT, "I'm not putting up with insults. Two documents are missing.")).toBe('set_well');
    expect(ok('en', INSULT, "I don't have to take that. Two documents are missing.")).toBe('set_well');
    expect(ok('de', BELEIDIGUNG, 'Das lasse ich mir nicht gefallen. Es fehlen noch zwei Unterlagen.')).toBe('set_well');
    expect(ok('de', BELEIDIGUNG, 'Solche Bemerkungen nehme ich nicht hin. Es fehlen noch zwei Unterlagen.')).toBe('set_well');
    expect(ok('de', BELEIDIGUNG, 'Ich nehme keine Beleidigungen hin, aber ich kümmere mich um Ihren Kredit.')).toBe('set_well');
    expect(ok('de', BELEIDIGUNG, 'Beschimpfen lasse ich mich nicht. Es fehlen noch zwei Unterlagen.')).toBe('set_well');
    // "take" alone is not a limit: these answer an insult with nothing but the matter
    expect(ok('en', INSULT, "I won't take long. Two documents are missing.")).toBe('missing');
    expect(ok('en', INSULT, "I can't take your payment by phone, but I'll send a link.")).toBe('missing');
    expect(ok('en', INSULT, "I can't take that payment by phone, but I'll send a link.")).toBe('missing');
    expect(ok('de', BELEIDIGUNG, 'Ich nehme das auf und melde mich morgen.')).toBe('missing');
  });

  it('set_well: a conditional warning is a boundary, not an ending', () => {
    const result = boundary('en', INSULT, 'If the insults continue, I will end this call. I do want to help with your card.');
    expect(result).toMatchObject({ verdict: 'set_well', ended: false });
  });

  it('set_well: ending politely after the trainee warned earlier', () => {
    const history: Turn[] = [
      { role: 'customer', text: INSULT },
      { role: 'trainee', text: 'Bitte unterlassen Sie persönliche Beleidigungen, sonst beende ich das Gespräch.' },
    ];
    const result = boundary('de', BELEIDIGUNG, 'Ich beende das Gespräch jetzt. Auf Wiederhören.', history);
    expect(result).toMatchObject({ verdict: 'set_well', ended: true, hadEarlierWarning: true });
  });

  it('too_harsh: ending at the first insult, with no earlier warning', () => {
    const history: Turn[] = [
      { role: 'customer', text: 'My transfer is missing.' },
      { role: 'trainee', text: 'Let me check that for you.' },
    ];
    expect(boundary('en', INSULT, "I'm ending this call now. Goodbye.", history).verdict).toBe('too_harsh');
    expect(boundary('de', BELEIDIGUNG, 'Auf Wiederhören.').verdict).toBe('too_harsh');
  });

  it('too_harsh: a boundary with an insult back, even after a warning', () => {
    const history: Turn[] = [{ role: 'trainee', text: 'Please stop insulting me.' }];
    expect(boundary('en', INSULT, "Don't talk to me like that, you moron.").verdict).toBe('too_harsh');
    expect(boundary('en', INSULT, "You idiot, I'm ending this call.", history).verdict).toBe('too_harsh');
    expect(boundary('de', BELEIDIGUNG, 'So nicht, Sie Trottel!').verdict).toBe('too_harsh');
  });

  it('missing: the insult ignored, apologised for, or met with empathy only', () => {
    expect(boundary('en', INSULT, 'Let me look at your account.').verdict).toBe('missing');
    expect(boundary('en', INSULT, "I'm sorry, you're right.").verdict).toBe('missing');
    expect(boundary('de', BELEIDIGUNG, 'Ich verstehe, dass Sie verärgert sind.').verdict).toBe('missing');
  });

  it('unnecessary: a reprimand, a warning or an ending aimed at a customer who only vents', () => {
    expect(boundary('en', VENTING, 'Watch your tone, please.').verdict).toBe('unnecessary');
    expect(boundary('en', VENTING, 'If you continue like this, I will hang up.').verdict).toBe('unnecessary');
    expect(boundary('en', VENTING, "I'm ending this call now.").verdict).toBe('unnecessary');
    expect(boundary('de', DAMPF, 'Bitte achten Sie auf Ihren Ton.').verdict).toBe('unnecessary');
    expect(boundary('de', DAMPF, 'Beruhigen Sie sich bitte erst einmal.').verdict).toBe('unnecessary');
  });

  it('unnecessary: telling a venting customer how to speak, in everyday words', () => {
    // a reprimand the lexicons did not know had gone unread: the customer never bristled at it
    const verdict = (lang: Language, customer: string, reply: string) => boundary(lang, customer, reply).verdict;
    expect(verdict('en', VENTING, "Please don't take that tone with me. I'm doing my best.")).toBe('unnecessary');
    expect(verdict('en', VENTING, "There's no need to get upset with me.")).toBe('unnecessary');
    expect(verdict('en', VENTING, 'No need to raise your voice, sir.')).toBe('unnecessary');
    expect(verdict('en', VENTING, 'Keep your voice down, please.')).toBe('unnecessary');
    expect(verdict('de', DAMPF, 'Bitte sprechen Sie etwas leiser, hier sitzen noch andere Gäste.')).toBe('unnecessary');
    expect(verdict('de', DAMPF, 'Sie müssen nicht gleich laut werden.')).toBe('unnecessary');
    expect(verdict('de', DAMPF, 'Schreien Sie mich bitte nicht an.')).toBe('unnecessary');
    expect(verdict('en', VENTING, "Your e-mails have been anything but factual lately, and frankly that's not helping anyone.")).toBe('unnecessary');
    expect(verdict('de', DAMPF, 'Ehrlich gesagt war das gestern nicht in Ordnung, wie Sie mit mir gesprochen haben.')).toBe('unnecessary');
    expect(verdict('de', DAMPF, 'Ihre Mails der letzten Wochen waren alles andere als sachlich.')).toBe('unnecessary');
    expect(verdict('en', VENTING, "You don't have to talk to me like that.")).toBe('unnecessary');
    expect(verdict('de', DAMPF, 'Also, so müssen Sie jetzt aber nicht mit mir reden.')).toBe('unnecessary');
    // reassurance is no reprimand
    expect(verdict('en', VENTING, 'Your messages were all received, and I have answered them.')).toBe('not_needed');
    expect(verdict('de', DAMPF, 'Ihre Mails sind alle angekommen, ich beantworte sie heute.')).toBe('not_needed');
    expect(verdict('en', VENTING, "There's no need to worry, I'll refund it now.")).toBe('not_needed');
    expect(verdict('en', VENTING, "There's no need to get upset about the fee: I'll refund it now.")).toBe('not_needed');
    expect(verdict('de', DAMPF, 'Kein Grund zur Sorge, ich buche es sofort zurück.')).toBe('not_needed');
  });

  it('not_needed: agreeing that what happened to a venting customer is not okay reprimands nobody', () => {
    // "That's not okay." about a double charge had been read as a reprimand ("unnecessary")
    expect(boundary('en', VENTING, "That's not okay. I'll refund it now.").verdict).toBe('not_needed');
    expect(boundary('en', VENTING, "That's uncalled for, I agree. I'll refund it now.").verdict).toBe('not_needed');
    expect(boundary('de', DAMPF, 'Das ist wirklich nicht in Ordnung. Ich buche es sofort zurück.').verdict).toBe('not_needed');
    expect(boundary('de', DAMPF, 'Das muss nicht sein. Ich buche es sofort zurück.').verdict).toBe('not_needed');
    expect(boundary('en', INSULT, "That's not okay. I'll refund it now.").verdict).toBe('set_well');
  });

  it("reads a verdict only as the reply's own sentence", () => {
    expect(boundary('en', INSULT, "Ok. That's not necessary to bring, I'll check it now.").verdict).toBe('missing');
    expect(boundary('de', BELEIDIGUNG, 'Gut. Das ist unnötig zu bringen, ich prüfe das sofort.').verdict).toBe('missing');
  });

  it('does not read a warning into an earlier trainee reply that set none', () => {
    const history: Turn[] = [{ role: 'trainee', text: 'I will look into your statement right away.' }];
    expect(boundary('en', INSULT, 'Goodbye.', history)).toMatchObject({ verdict: 'too_harsh', hadEarlierWarning: false });
  });
});
