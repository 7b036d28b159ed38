import type { Language, Turn } from '../evaluation/grade.js';
import type { Intensity, Persona } from '../personas/persona-schema.js';
import type { CallOptions } from './call-options.js';
import type { HeardReply, TurnPlan } from './listening.js';
import type { TokenUsage } from './session.js';

/** What a voice needs to say the customer's next line. */
export interface VoiceRequest {
  persona: Persona;
  lang: Language;
  intensity: Intensity;
  /** the script stage the customer is in now; the script decides the plot, the voice the words */
  stageId: string;
  /** true once any stage reached so far has `reveals`: only then may the backstory be told */
  revealAllowed: boolean;
  /** the conversation so far, oldest first, ending with the trainee's last reply (empty at the start) */
  history: Turn[];
  /** customer lines already said in this session, so a voice can avoid repeating itself */
  said: string[];
  /**
   * the answer the script plans after a reply: the reaction family, a reaction line to say first,
   * the stage lines that fit (none asks for a fact already given). Absent for the opening line.
   */
  plan?: TurnPlan;
  /** what the customer heard in the last reply: its acts, the facts given so far, a promised time */
  heard?: HeardReply;
}

export interface VoiceLine {
  text: string;
  /** 'script', or the id of the model voice that wrote the words */
  voice: string;
  usage?: TokenUsage;
}

/**
 * The customer's voice. The scripted voice picks one of the stage's prepared variants; an LLM voice
 * writes the words in character for the same stage. Either way the persona script alone decides
 * escalation, reveal and hanging up. Implementations never throw for content reasons; an LLM voice
 * falls back to the script itself when its model fails.
 */
export interface CustomerVoice {
  readonly id: string;
  nextLine(request: VoiceRequest, options?: CallOptions): Promise<VoiceLine>;
}
