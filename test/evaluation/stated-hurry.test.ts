import { describe, expect, it } from 'vitest';
import { gradeOffline } from '../../src/evaluation/offline-grader.js';
import { focusFor, saysInHurry } from '../../src/evaluation/stated-hurry.js';

// A customer can say in any line that they have no time to talk; the impatient caller's script says
// it once for the whole persona. Either way a long wind-up ignores what they asked for.
describe('a customer who says they have no time', () => {
  it.each([
    'I have five minutes between two meetings. Is the 15th still the date, yes or no?',
    "I'm in a rush - can you just tell me the Wi-Fi password?",
    "I've only got two minutes, is my prescription ready?",
    'Writing from my phone, so briefly: do you need anything else from us?',
    'Kurz zwischen zwei Terminen: Steht der Testlauf am Montag noch?',
    "Ich hab's eilig: Kann ich die Jacke ohne Kassenbon zurückgeben?",
    'Ich habe heute genau zehn Minuten für E-Mails. Brauchen Sie noch etwas? Bitte kurz.',
    'Ist meine Karte jetzt gesperrt oder nicht? Ich hab keine Zeit!',
  ])('is heard in "%s"', (line) => {
    expect(saysInHurry(line)).toBe(true);
  });

  it.each([
    'I have been on hold for ten minutes and nobody answers!',
    'I need the money right now, the dealer is waiting.',
    'The bus left without me! I was only ten minutes late!',
    'Ich habe zehn Minuten einen Parkplatz gesucht!',
    'Ich habe keine Zeit, in die Praxis zu kommen. Schicken Sie die Überweisung per Post.',
    'Ich war doch nur fünf Minuten beim Bäcker!',
    'Ich habe zehn Minuten für Sie eingeplant, wir können alles durchgehen.',
  ])('is not read into "%s"', (line) => {
    expect(saysInHurry(line)).toBe(false);
  });

  it("adds time pressure to the persona's rubric focus once", () => {
    expect(focusFor(['relationship'], 'I have five minutes between two meetings.')).toEqual(['relationship', 'pressure']);
    expect(focusFor(['pressure'], 'I have five minutes between two meetings.')).toEqual(['pressure']);
    expect(focusFor(['relationship'], 'Is the 15th still the date?')).toEqual(['relationship']);
  });

  const windUp =
    // the acknowledgement earns empathy where nothing is pressing; to a customer with five minutes it is part of the wind-up
    'Dear Dr Hartmann, thank you for your message, and I understand how frustrating these changing dates must be for you. ' +
    "I've been meaning to write to you anyway, " +
    'because a few things have come together on our side: the test environment needed an update, our project team has changed, and we want to be sure ' +
    'the new interface is stable before go-live. So, to answer your question: the 15th is no longer realistic. Best regards';
  const grade = (customer: string) =>
    gradeOffline({ lang: 'en', customer, reply: windUp, history: [], context: { personaId: 'drifting-client', focus: ['relationship'] } }, 'test');

  it('marks a long wind-up down in empathy and says to lead with the answer, where the customer said so', () => {
    const hurried = grade('I have five minutes between two meetings. Is the 15th still the date for the interface, yes or no? - H.');
    const unhurried = grade('Is the 15th still the date for the interface? - H.');
    expect(hurried.empathy.score).toBeLessThan(unhurried.empathy.score);
    expect(hurried.feedback.tip).toMatch(/time is short/i);
    expect(unhurried.feedback.tip).not.toMatch(/time is short/i);
  });
});
