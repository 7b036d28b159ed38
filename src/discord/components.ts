import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Language } from '../evaluation/grade.js';
import type { Intensity } from '../personas/persona-schema.js';
import { customId } from './limits.js';
import { uiText } from './ui-text.js';

/**
 * Button rows and the custom ids they carry. Ids hold everything a handler needs, so buttons keep
 * working after a restart without any in-memory state:
 *
 * - `practice:hint:<sessionId>`, `practice:end:<sessionId>`
 * - `practice:retry:<sessionId>:<turns>` — `turns` pins the reply the button belongs to, so an old
 *   Retry button cannot retry a newer reply
 * - `practice-start:go:<userId>:<lang>:<intensity>:<personaId>` and `practice-start:cancel:<userId>`
 *   under a content notice, before any session exists
 */
export const PRACTICE_PREFIX = 'practice';
export const PRACTICE_START_PREFIX = 'practice-start';

type Row = APIActionRowComponent<APIButtonComponent>;

function button(id: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: id, label, style };
}

export function feedbackButtons(sessionId: string, turns: number, lang: Language): Row[] {
  const text = uiText(lang).practice;
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(customId(PRACTICE_PREFIX, 'hint', sessionId), text.hintButton, ButtonStyle.Secondary),
        button(customId(PRACTICE_PREFIX, 'retry', sessionId, String(turns)), text.retryButton, ButtonStyle.Secondary),
        button(customId(PRACTICE_PREFIX, 'end', sessionId), text.endButton, ButtonStyle.Danger),
      ],
    },
  ];
}

/** Under the last feedback when the customer hung up: answering that line again is the lesson. */
export function retryOnlyButtons(sessionId: string, turns: number, lang: Language): Row[] {
  return [
    {
      type: ComponentType.ActionRow,
      components: [button(customId(PRACTICE_PREFIX, 'retry', sessionId, String(turns)), uiText(lang).practice.retryButton, ButtonStyle.Primary)],
    },
  ];
}

export function noticeButtons(userId: string, lang: Language, intensity: Intensity, personaId: string): Row[] {
  const text = uiText(lang).practice;
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(customId(PRACTICE_START_PREFIX, 'go', userId, lang, intensity, personaId), text.startButton, ButtonStyle.Primary),
        button(customId(PRACTICE_START_PREFIX, 'cancel', userId, lang), text.cancelButton, ButtonStyle.Secondary),
      ],
    },
  ];
}
