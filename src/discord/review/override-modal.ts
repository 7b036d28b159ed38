import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type ModalSubmitInteraction } from 'discord.js';
import { UserFacingError } from '../../errors.js';
import { BoundaryVerdictSchema, type Language } from '../../evaluation/grade.js';
import type { OverrideInput } from '../../reports/index.js';
import { customId, truncate } from '../limits.js';
import { REVIEW_IDS } from './review-ids.js';
import { reviewText } from './review-text.js';

const FIELDS = { composure: 'composure', empathy: 'empathy', boundary: 'boundary', reason: 'reason' } as const;

/** The correction form for one graded reply; its id pins session, line and attempt. */
export function overrideModal(sessionId: string, lineN: number, attempt: number, label: string, lang: Language): APIModalInteractionResponseCallbackData {
  const text = reviewText(lang);
  const input = (id: string, name: string, style: TextInputStyle, required: boolean, extra: Record<string, unknown> = {}) => ({
    type: ComponentType.ActionRow as const,
    components: [{ type: ComponentType.TextInput as const, custom_id: id, label: truncate(name, 45), style, required, ...extra }],
  });
  return {
    custom_id: customId(REVIEW_IDS.override, sessionId, String(lineN), String(attempt)),
    title: truncate(text.modalTitle(label), 45),
    components: [
      input(FIELDS.composure, text.modalComposure, TextInputStyle.Short, false, { max_length: 1, placeholder: '1–5' }),
      input(FIELDS.empathy, text.modalEmpathy, TextInputStyle.Short, false, { max_length: 1, placeholder: '1–5' }),
      input(FIELDS.boundary, text.modalBoundary, TextInputStyle.Short, false, { max_length: 20, placeholder: truncate(text.modalBoundaryHint, 100) }),
      input(FIELDS.reason, text.modalReason, TextInputStyle.Paragraph, true, { min_length: 1, max_length: 1000 }),
    ],
  };
}

/**
 * Reads the submitted form into an override. Empty fields keep the machine's value; anything that
 * is not a score 1–5 or a known verdict is refused with a message saying which field is wrong.
 */
export function readOverride(interaction: ModalSubmitInteraction, lang: Language): OverrideInput {
  const text = reviewText(lang);
  const field = (id: string) => interaction.fields.getTextInputValue(id).trim();
  const score = (id: string, name: string): number | undefined => {
    const raw = field(id);
    if (raw === '') return undefined;
    if (!/^[1-5]$/.test(raw)) throw new UserFacingError('override_invalid', text.badScore(name));
    return Number(raw);
  };
  const composure = score(FIELDS.composure, text.modalComposure.split(' (')[0] ?? FIELDS.composure);
  const empathy = score(FIELDS.empathy, text.modalEmpathy.split(' (')[0] ?? FIELDS.empathy);
  const rawVerdict = field(FIELDS.boundary)
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const verdict = rawVerdict === '' ? undefined : BoundaryVerdictSchema.safeParse(rawVerdict);
  if (verdict && !verdict.success) throw new UserFacingError('override_invalid', text.badVerdict(BoundaryVerdictSchema.options.join(', ')));
  return {
    ...(composure !== undefined ? { composure } : {}),
    ...(empathy !== undefined ? { empathy } : {}),
    ...(verdict?.success ? { boundary: verdict.data } : {}),
    reason: field(FIELDS.reason),
    by: interaction.user.id,
  };
}
