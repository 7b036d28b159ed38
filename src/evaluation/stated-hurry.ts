import { pattern, anyOf } from './grader-patterns.js';
import { normalize } from './text.js';

/**
 * The customer says they have no time to talk ("I have five minutes between two meetings", "so
 * briefly:", „Ich hab's eilig, ja oder nein?"). What the impatient caller's script states once for
 * the whole persona any customer can say in one line: a long answer to it ignores the one thing
 * asked for, and the customer who said it cuts a long reply short.
 *
 * Only time for the conversation counts, not urgency about the matter ("I need the money right
 * now") nor time already spent ("I have been on hold for ten minutes").
 */
const STATED_HURRY = pattern(
  anyOf([
    String.raw`\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:\S+\s+)?(?:in\s+a\s+(?:hurry|rush)|rushing|short\s+(?:on|of)\s+time|pressed\s+for\s+time|running\s+late)\b`,
    String.raw`\b(?:i|we)\s+(?:don't|do\s+not|haven't|have\s+not)\s+(?:got\s+)?(?:\S+\s+)?(?:much\s+|any\s+|the\s+)?time\s+(?:for\s+(?:this|a\s+(?:long|lengthy))|to\s+(?:chat|talk|waste|read))\b`,
    String.raw`\b(?:i've|i\s+have|i've\s+got|i\s+only\s+have|i\s+have\s+only|i've\s+only\s+got|i\s+got)\s+(?:\S+\s+)?(?:two|three|five|ten|2|3|5|10|a\s+few|a\s+couple\s+of)\s+minutes(?=\s*(?:[!.?,:;\u2013\u2014-]|$|before|until|till|left|on\s+the|between|to\s+spare))`,
    String.raw`\b(?:i've|i\s+have|i've\s+got|i\s+got|got)\s+(?:\S+\s+)?(?:only|just|exactly|at\s+most)\s+(?:two|three|five|ten|2|3|5|10|a\s+few)\s+minutes\b`,
    String.raw`\b(?:please\s+be\s+brief|brief(?:ly)?,?\s+please|short\s+answer,?\s+please)\b`,
    String.raw`\bbetween\s+(?:two\s+)?(?:meetings|appointments|calls)\b`,
    String.raw`\b(?:make\s+it|keep\s+it)\s+(?:quick|short|brief)\b`,
    String.raw`\b(?:so\s+)?briefly\s*[:,-]`,
    String.raw`\b(?:in\s+one\s+sentence|the\s+short\s+version)\b`,
    String.raw`\b(?:ich\s+(?:hab'?s?|habe\s+es)|wir\s+haben\s+es)\s+(?:\S+\s+)?eilig\b`,
    String.raw`\b(?:ich\s+bin|wir\s+sind)\s+(?:\S+\s+)?(?:in\s+eile|unter\s+zeitdruck|spät\s+dran|knapp\s+dran)\b`,
    String.raw`\b(?:ich\s+habe?|ich\s+hab)\s+(?:\S+\s+)?(?:keine|kaum|wenig)\s+zeit(?=\s*(?:[!.?]|$|für\b|,(?![^.!?]{0,50}\bzu\s)))`,
    String.raw`\b(?:ich\s+habe?|ich\s+hab)\s+(?:nur\s+|genau\s+)?(?:zwei|drei|fünf|zehn|2|3|5|10|ein\s+paar)\s+minuten(?=\s*(?:[!.?,:;\u2013\u2014-]|$|pause|zeit|bis|vor|zwischen|mittagspause))`,
    String.raw`\b(?:ich\s+habe?|ich\s+hab|hab|habe)\s+(?:heute\s+|echt\s+|wirklich\s+)?(?:nur|genau|höchstens)\s+(?:zwei|drei|fünf|zehn|2|3|5|10|ein\s+paar)\s+minuten\b`,
    String.raw`\bbitte\s+(?:ganz\s+)?kurz\s*(?:[.!]|$)`,
    String.raw`\bzwischen\s+(?:zwei\s+)?(?:terminen|besprechungen|meetings|sitzungen)\b`,
    String.raw`\b(?:machen\s+sie'?s?|fassen\s+sie\s+sich)\s+(?:bitte\s+)?(?:kurz|schnell)\b`,
    String.raw`\b(?:kurz\s+und\s+knapp|in\s+einem\s+satz|die\s+kurzfassung)\b`,
    String.raw`\b(?:also|deshalb|daher)\s+(?:ganz\s+)?kurz\s*[:,-]`,
  ]),
);

export function saysInHurry(text: string): boolean {
  return STATED_HURRY.test(normalize(text));
}

/**
 * The rubric focus a reply is graded under: the persona's, plus time pressure where the customer's
 * line says they have none to spare, so a long wind-up to "I've got two minutes" costs empathy and
 * gets the tip to lead with the answer whoever the customer is.
 */
export function focusFor(focus: readonly string[], customer: string): readonly string[] {
  return focus.includes('pressure') || !saysInHurry(customer) ? focus : [...focus, 'pressure'];
}
