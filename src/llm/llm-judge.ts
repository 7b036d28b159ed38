import type { CallOptions } from '../engine/call-options.js';
import type { Grade, GradeInput } from '../evaluation/grade.js';
import type { Grader } from '../evaluation/grader.js';
import type { Rubric } from '../evaluation/rubric.js';
import type { Logger } from '../log/logger.js';
import type { PromptLibrary } from '../prompts/prompt-library.js';
import type { CallAccounting } from './call-accounting.js';
import type { ChatModel } from './chat-model.js';
import { disagreements, minimumGrade } from './grade-guard.js';
import { boundHistory } from './history-window.js';
import { screenInstructions, type InjectionMarker, type ScreenedText } from '../evaluation/injection-markers.js';
import { buildJudgeMessages, judgeJsonSchema, parseJudgeAnswer, retryJudgeMessages } from './judge-prompt.js';

interface LlmJudgeOptions {
  model: ChatModel;
  modelName: string;
  offlineGrader: Grader;
  rubric: Rubric;
  prompts: PromptLibrary;
  accounting: CallAccounting;
  log: Logger;
  /** conversation messages given to the judge besides the graded pair */
  historyTurns: number;
}

/** The JSON answer of a judge is a few hundred tokens; this leaves room without inviting essays. */
const JUDGE_MAX_TOKENS = 1200;
/** an answer that fails the schema is asked for once more, then the offline grade is used */
const ANSWER_ATTEMPTS = 2;

/**
 * The LLM judge: grades with the rubric through structured output, into exactly the offline
 * grader's {@link Grade} shape. The offline grade is computed first: it is evidence for the judge,
 * the fallback for every failure (cap, timeout, rate limit, server error, refusal, invalid answer),
 * and the ceiling for replies that try to instruct the grader.
 *
 * `source.grader` says who produced the grade: `llm-judge:<model>`, `llm-judge:<model>+guard` (the
 * minimum of both graders, for a reply with injection markers), or the offline grader's own id.
 *
 * Text that addresses the grader is taken out of the reply (and of the trainee's earlier replies)
 * before the judge reads it: a model that would obey it never sees it, and an honest judge grades
 * what is left, as it would the same reply without the injection.
 */
export function createLlmJudge(options: LlmJudgeOptions): Grader {
  const { model, modelName, offlineGrader, rubric, prompts, accounting, log } = options;
  const id = `llm-judge:${modelName}`;
  const schema = { name: 'counterpart_grade', schema: judgeJsonSchema() };
  const screen = memoizeScreening(screenInstructions);

  return {
    id,
    async grade(input: GradeInput, callOptions: CallOptions = {}): Promise<Grade> {
      const signal = callOptions.signal;
      const offline = await offlineGrader.grade(input, signal ? { signal } : {});
      const cap = await accounting.capReached(callOptions);
      if (cap) {
        accounting.fellBack(callOptions, 'judge', cap === 'session' ? 'cap_session' : 'cap_guild');
        return offline;
      }

      const screened = screenInput(input, options.historyTurns, screen);
      if (screened.input.reply.trim() === '') {
        // Nothing but instructions: nothing said to the customer, so the judge is not asked, and the
        // offline grade cannot exceed that of an empty reply (the offline grader may have read more into it).
        const empty = await offlineGrader.grade({ ...input, reply: '' }, signal ? { signal } : {});
        log.info({ sessionId: callOptions.session?.id, markers: screened.markers }, 'reply only addresses the grader; not sent to the judge');
        return minimumGrade(empty, offline, `${offline.source.grader}+guard`);
      }
      let messages = buildJudgeMessages(prompts, rubric, screened.input, offline, options.historyTurns);
      let judged: Grade | null = null;
      for (let attempt = 1; attempt <= ANSWER_ATTEMPTS && !judged; attempt++) {
        const result = await model.complete(
          { purpose: 'judge', model: modelName, messages, maxTokens: JUDGE_MAX_TOKENS, temperature: 0, jsonSchema: schema },
          { signal },
        );
        accounting.spent(callOptions, result.usage);
        if (!result.ok) {
          accounting.fellBack(callOptions, 'judge', result.kind);
          return offline;
        }
        const parsed = parseJudgeAnswer(result.text, result.finishReason);
        if (parsed.ok) {
          judged = { ...parsed.answer, source: { grader: id, rubricVersion: rubric.version } };
        } else {
          log.warn({ sessionId: callOptions.session?.id, attempt, problem: parsed.problem, finishReason: result.finishReason }, 'judge answer unusable');
          messages = retryJudgeMessages(prompts, messages, parsed.problem);
        }
      }
      if (!judged) {
        accounting.fellBack(callOptions, 'judge', 'invalid_answer');
        return offline;
      }

      for (const disagreement of disagreements(judged, offline)) {
        log.info({ sessionId: callOptions.session?.id, ...disagreement }, 'judge and offline grader disagree');
      }
      const markers = screened.markers;
      if (markers.length > 0) {
        log.info({ sessionId: callOptions.session?.id, markers }, 'reply addresses the grader; grade capped at the offline grade');
        return minimumGrade(judged, offline, `${id}+guard`);
      }
      return judged;
    },
  };
}

interface ScreenedInput {
  /** the input as the judge reads it: reply and trainee history without grader-directed text */
  input: GradeInput;
  /** markers in the reply or in a trainee reply the judge would see */
  markers: InjectionMarker[];
}

function screenInput(input: GradeInput, historyTurns: number, screen: (text: string) => ScreenedText): ScreenedInput {
  const markers = new Set<InjectionMarker>();
  const screenText = (text: string): string => {
    const screened = screen(text);
    for (const marker of screened.markers) markers.add(marker);
    return screened.markers.length > 0 ? screened.text : text;
  };
  const reply = screenText(input.reply);
  const shown = new Set(boundHistory(input.history, historyTurns).recent);
  const history = input.history.map((turn) => (turn.role === 'trainee' && shown.has(turn) ? { ...turn, text: screenText(turn.text) } : turn));
  return { input: { ...input, reply, history }, markers: [...markers] };
}

/** Texts screened and kept; beyond this the memo starts afresh, so it holds only recent conversations. */
const SCREENED_MEMO_SIZE = 4096;

/**
 * The judge screens the trainee's earlier replies it is shown again on every exchange: a reply in a
 * history window of N turns would be screened N/2 times. Screening is pure, so each text is screened
 * once while it is recent.
 */
export function memoizeScreening(screen: (text: string) => ScreenedText): (text: string) => ScreenedText {
  let memo = new Map<string, ScreenedText>();
  return (text) => {
    let screened = memo.get(text);
    if (!screened) {
      screened = screen(text);
      if (memo.size >= SCREENED_MEMO_SIZE) memo = new Map();
      memo.set(text, screened);
    }
    return screened;
  };
}
