import { describe, expect, it } from 'vitest';
import type { Turn } from '../../../src/evaluation/grade.js';
import { gradeOffline } from '../../../src/evaluation/offline-grader.js';

/**
 * A factual answer that names things the customer said earlier (the card, the hotel) is not the
 * customer's situation put into words. Read as one with the last line, the earlier turns' words had
 * raised a purely factual reply from empathy 1 to 4 in every session after its first turn.
 */
describe("the customer's earlier words in the reply", () => {
  const grade = (history: Turn[], customer: string, reply: string) =>
    gradeOffline({ lang: 'en', customer, reply, history, context: { personaId: 'frustrated', focus: ['venting'] } }, 'test');

  it('do not make a factual answer empathic (Mr Brandt, second turn)', () => {
    const history: Turn[] = [
      { role: 'customer', text: "This is the third time I'm calling. My card is dead, the hotel wants its money, and your bank thinks that's a minor hiccup." },
      {
        role: 'trainee',
        text: "Three calls and still no answer - I'd be furious too, Mr Brandt. Let me look at your card right now while you stay on the line.",
      },
    ];
    const customer = 'Right now. I will remember that. My wife is looking at me as if I had gambled the money away.';
    const reply =
      "The block came from our fraud early-warning system after several payments abroad. I've just lifted it - your card works again in two minutes, and I'll call the hotel reception myself to confirm the payment.";
    const alone = grade([], customer, reply).empathy.score;
    expect(alone).toBeLessThanOrEqual(2);
    expect(grade(history, customer, reply).empathy.score).toBe(alone);
  });

  it('leave a reply that names the situation they described specific', () => {
    const history: Turn[] = [
      { role: 'customer', text: 'My card was blocked at the hotel reception, in front of everyone, and I had to call you three times.' },
      { role: 'trainee', text: 'I am sorry. Let me look at your card right now.' },
    ];
    const reply = 'Blocked at the reception in front of everyone, after three calls to us - no wonder you felt like that. The block is lifted now.';
    expect(grade(history, 'I felt like a criminal.', reply).empathy.score).toBeGreaterThanOrEqual(4);
  });
});
