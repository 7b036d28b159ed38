import { isMentioned, isVocative, lexiconFor, prepare, quote, type CompiledLexicon, type PreparedText } from './lexicon/compiled.js';

/**
 * Is the customer's message abuse aimed at the agent: a personal insult, a slur, a threat, sexual
 * harassment, an attack on the agent's competence or person? Venting about a product, the company
 * or the country is not abuse at the agent, and neither is quoting or naming an insult
 * ("you called me an idiot"). Offline: lexicons and patterns, no model.
 */
export type AbuseKind = 'insult' | 'profanity_at_agent' | 'threat' | 'sexual' | 'competence' | 'slur';

interface AbuseFinding {
  aimedAtAgent: boolean;
  /** kinds of abuse aimed at the agent; empty when `aimedAtAgent` is false */
  kinds: AbuseKind[];
  /** the words of the message that show it, as written */
  evidence: string[];
}

const MAX_EVIDENCE = 6;
/** how far before an insult word an address word ("you", "Sie") may stand */
const ADDRESS_WINDOW = 4;
/** a message this short that holds an insult is said to the agent ("stupid", "idiot bot") */
const SHORT_MESSAGE_WORDS = 4;

export function detectAbuse(text: string, lang: 'de' | 'en'): AbuseFinding {
  const lexicon = lexiconFor(lang === 'de' ? 'de' : 'en');
  const message = prepare(text, lexicon.lang);
  const kinds: AbuseKind[] = [];
  const evidence: string[] = [];
  const context = new AddressContext(lexicon, message);
  for (const match of lexicon.abuse.match(message.tokens)) {
    const rule = match.tag;
    // One finding per kind is enough to decide; later matches of a known kind only add evidence.
    if (kinds.includes(rule.kind) && evidence.length >= MAX_EVIDENCE) continue;
    if (rule.negatable && lexicon.isNegated(message.tokens, message.scanned.tokens, match)) continue;
    if (rule.mentionable && isMentioned(lexicon, message, match.start, match.end)) continue;
    if (rule.aimed === 'if-addressed' && !context.isAddressed(match.start)) continue;
    if (rule.aimed === 'in-addressed-clause' && !context.clauseIsAddressed(match.start)) continue;
    if (!kinds.includes(rule.kind)) kinds.push(rule.kind);
    const words = quote(message, match.start, match.end);
    if (words && !evidence.includes(words) && evidence.length < MAX_EVIDENCE) evidence.push(words);
  }
  for (const emoji of lexicon.data.emoji.profanity) {
    if (message.scanned.text.includes(emoji)) {
      if (!kinds.includes('profanity_at_agent')) kinds.push('profanity_at_agent');
      if (evidence.length < MAX_EVIDENCE) evidence.push(emoji);
    }
  }
  return { aimedAtAgent: kinds.length > 0, kinds, evidence };
}

/** Who a message speaks to, worked out once per message so that many matches stay linear. */
class AddressContext {
  readonly #lexicon: CompiledLexicon;
  readonly #message: PreparedText;
  #aboutSelf: boolean | undefined;
  #addressedClauses: Set<number> | undefined;

  constructor(lexicon: CompiledLexicon, message: PreparedText) {
    this.#lexicon = lexicon;
    this.#message = message;
  }

  /**
   * An insult word counts as aimed at the agent when "you" stands just before it, it is a noun
   * standing alone as an address, or the message is a bare insult not about the speaker.
   */
  isAddressed(index: number): boolean {
    const lexicon = this.#lexicon;
    const message = this.#message;
    // "I'm dumb", "ich bin so blöd": said of oneself.
    this.#aboutSelf ??= message.tokens.some((token) => lexicon.isInClass('self', token));
    if (message.tokens.length <= SHORT_MESSAGE_WORDS && !this.#aboutSelf) return true;
    // Only a noun stands alone as an address ("…, idiot!"); "blödes Ding" describes a thing.
    const token = message.tokens[index];
    if (token && lexicon.isInClass('insultNoun', token) && isVocative(message, index)) return true;
    const clause = message.scanned.tokens[index]?.clause;
    for (let at = index - 1; at >= Math.max(0, index - ADDRESS_WINDOW); at -= 1) {
      const before = message.tokens[at];
      if (!before || message.scanned.tokens[at]?.clause !== clause) break;
      if (lexicon.isAddressWord(before)) return true;
    }
    return false;
  }

  /** Whether the clause of word `index` holds an address word. */
  clauseIsAddressed(index: number): boolean {
    if (!this.#addressedClauses) {
      const clauses = new Set<number>();
      this.#message.tokens.forEach((token, at) => {
        const clause = this.#message.scanned.tokens[at]?.clause;
        if (clause !== undefined && this.#lexicon.isAddressWord(token)) clauses.add(clause);
      });
      this.#addressedClauses = clauses;
    }
    const clause = this.#message.scanned.tokens[index]?.clause;
    return clause !== undefined && this.#addressedClauses.has(clause);
  }
}
