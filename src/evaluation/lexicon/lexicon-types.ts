import type { AbuseKind } from '../abuse.js';
import type { ComposureFlag } from '../composure.js';

/**
 * The shape of a language's word lists. Lists are data: the logic that reads them lives in
 * `matcher.ts`, `composure.ts` and `abuse.ts`.
 *
 * Pattern syntax (one pattern is a sequence of elements separated by spaces, matched on the words
 * of the lower-cased, German-folded text; write umlauts as they are, they are folded on compile):
 * - `word` the exact word;
 * - `stem*` a word starting with `stem`; `*stem` a word ending with `stem` (German compounds:
 *   `*idiot` matches Vollidiot); affix matches never hit a word listed in `affixExceptions`;
 * - `a|b*|@class` any of the alternatives; `@class` any word of the named class;
 * - `~` zero to three arbitrary words, `~~` zero to six (never across a sentence end);
 * - a leading `^` anchors the pattern at the start of a sentence, a trailing `$` at its end
 *   ("you have no idea $" is "You have no idea!", not "You have no idea how much …");
 * the first element must not be a gap. Alternatives are single words: write "you are" and
 * "you're" as two patterns, not as `you're|you are`.
 */
export interface LanguageLexicon {
  /** named word classes, referenced from patterns as `@name` */
  readonly classes: Readonly<Record<string, readonly string[]>>;
  /** words an affix element must never match (Marsch is not an insult ending in -arsch) */
  readonly affixExceptions: readonly string[];
  /** what the trainee's reply must not do; the lowest score of all matching rules wins */
  readonly composure: readonly ComposureRule[];
  /** abuse in the customer's message aimed at the agent */
  readonly abuse: readonly AbuseRule[];
  /** ALL-CAPS words that are abbreviations, not shouting */
  readonly acronyms: readonly string[];
  /** words that make a very short reply polite rather than curt */
  readonly politeness: readonly string[];
  /** emoji that insult or swear in a reply (the tokenizer drops emoji, so they are checked apart) */
  readonly emoji: {
    readonly profanity: readonly string[];
    readonly insult: readonly string[];
    /** an eye-roll or a yawn at the customer: contempt without a word (score 3) */
    readonly contempt: readonly string[];
    /** tears of laughter: laughing at the customer's problem, a minor slip (score 4) */
    readonly laughing: readonly string[];
  };
}

export interface ComposureRule {
  readonly flag: ComposureFlag;
  /** the highest composure score a reply matching this rule can get */
  readonly score: 1 | 2 | 3 | 4;
  /** a negation just before the match ("not your fault") cancels it */
  readonly negatable?: boolean;
  /** a quoted or named match ("'idiot' is not a word I accept") is a mention, not a use */
  readonly mentionable?: boolean;
  /**
   * the match counts only in a sentence that ends with a question mark: a taunting question ("Are
   * you twelve?") is a jab, the same words in a statement often are not
   */
  readonly question?: boolean;
  /** the match counts only in a sentence that does not end with a question mark (an echo question asks back) */
  readonly statement?: boolean;
  /** the match counts only in the last clause of its sentence (nothing follows it but the sentence end) */
  readonly lastClause?: boolean;
  /**
   * the match is the reply's closing sentence and something came before it: a verdict tacked on at
   * the end ("… right after you locked it yourself. Well done.") mocks, the same words opening a
   * reply ("Well done for keeping the receipt") praise
   */
  readonly coda?: boolean;
  /**
   * a contrast later in the same sentence ("not possible today, but I can send it tomorrow") turns a
   * refusal into a way forward: the match does not count (words of the `contrast` class)
   */
  readonly unlessContrast?: boolean;
  /**
   * like `unlessContrast`, but a contrast anywhere after the match counts, in a later sentence too
   * ("Da kann ich nichts machen. Ich kann Ihnen aber …"): the refusal is then the start of the way forward
   */
  readonly unlessWayForward?: boolean;
  /** laughing ("lol", "haha"): forgiven when the customer laughed or joked first (laughing along is rapport) */
  readonly laughter?: boolean;
  readonly patterns: readonly string[];
}

export interface AbuseRule {
  readonly kind: AbuseKind;
  /**
   * `always`: a match alone shows the message is aimed at the agent. `if-addressed`: only when an
   * address word ("you", "Sie") stands just before it, it is a bare address ("Idiot!") or the message
   * is that short. `in-addressed-clause`: only when the clause also holds an address word.
   */
  readonly aimed: 'always' | 'if-addressed' | 'in-addressed-clause';
  readonly negatable?: boolean;
  readonly mentionable?: boolean;
  readonly patterns: readonly string[];
}
