import { MessageFlags } from 'discord.js';
import { UserFacingError } from '../../errors.js';
import { canCalibrate, setOverride } from '../../reports/index.js';
import { exchangeLabel } from '../../reports/transcript-view.js';
import type { ButtonHandler } from '../button.js';
import { visible } from '../replies.js';
import { uiText } from '../ui-text.js';
import type { ModalHandler, SelectHandler } from '../interaction-router.js';
import { groupAttachment, sessionAttachment } from './export-file.js';
import { listMessage } from './list-view.js';
import { overrideModal, readOverride } from './override-modal.js';
import { privacyButtons } from './privacy-buttons.js';
import { parseFormat, parsePageArgs, REVIEW_IDS } from './review-ids.js';
import { reviewText } from './review-text.js';
import { loadViewableSession } from './session-access.js';
import { transcriptMessage } from './transcript-message.js';
import { memberNameFrom, resolveViewer } from './viewer.js';

/**
 * Handlers behind the review components. Each resolves the member who pressed afresh and checks
 * access before touching a session: components are visible to whoever sees the message, and their
 * ids can be forged, so nothing in an id grants anything.
 */

const reviewPageButtons = {
  prefix: REVIEW_IDS.page,
  async execute(interaction, args, context) {
    const resolved = await resolveViewer(interaction, context);
    const { page, query } = parsePageArgs(args);
    const message = await listMessage(context, resolved, interaction.guildId, query, page);
    await interaction.update(visible(message));
  },
} satisfies ButtonHandler;

const reviewExportButtons = {
  prefix: REVIEW_IDS.export,
  async execute(interaction, args, context) {
    const [rawFormat, sessionId = ''] = args;
    const format = parseFormat(rawFormat);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const resolved = await resolveViewer(interaction, context);
    const session = await loadViewableSession(context, resolved, sessionId);
    if (!format) throw new UserFacingError('unknown_action', uiText(resolved.lang).errors.unknownAction);
    const file = sessionAttachment(context, session, format, resolved.lang, memberNameFrom(interaction));
    context.log.info({ sessionId: session.id, format }, 'transcript exported');
    await interaction.editReply(visible({ content: reviewText(resolved.lang).exportReady(file.name ?? ''), files: [file] }));
  },
} satisfies ButtonHandler;

const reviewGroupExportButtons = {
  prefix: REVIEW_IDS.groupExport,
  async execute(interaction, args, context) {
    const [rawFormat, groupId = ''] = args;
    const format = parseFormat(rawFormat);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const resolved = await resolveViewer(interaction, context);
    if (!format || !groupId) throw new UserFacingError('unknown_action', uiText(resolved.lang).errors.unknownAction);
    const file = await groupAttachment(context, resolved, groupId, format, memberNameFrom(interaction));
    context.log.info({ groupId, format }, 'group results exported');
    await interaction.editReply(visible({ content: reviewText(resolved.lang).exportReady(file.name ?? ''), files: [file] }));
  },
} satisfies ButtonHandler;

export const reviewButtons: readonly ButtonHandler[] = [reviewPageButtons, reviewExportButtons, reviewGroupExportButtons, privacyButtons];

const openTranscriptSelect = {
  prefix: REVIEW_IDS.open,
  async execute(interaction, _args, context) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const resolved = await resolveViewer(interaction, context);
    const session = await loadViewableSession(context, resolved, interaction.values[0] ?? '');
    const message = transcriptMessage(context, session, resolved, memberNameFrom(interaction));
    await interaction.editReply(visible(message));
  },
} satisfies SelectHandler;

/** From /progress: the HTML report of one of the member's sessions. */
const sessionReportSelect = {
  prefix: REVIEW_IDS.report,
  async execute(interaction, _args, context) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const resolved = await resolveViewer(interaction, context);
    const session = await loadViewableSession(context, resolved, interaction.values[0] ?? '');
    const file = sessionAttachment(context, session, 'html', resolved.lang, memberNameFrom(interaction));
    await interaction.editReply(visible({ content: reviewText(resolved.lang).exportReady(file.name ?? ''), files: [file] }));
  },
} satisfies SelectHandler;

/** Picking a reply to correct opens the form (a modal must be the first answer, so no defer). */
const correctSelect = {
  prefix: REVIEW_IDS.correct,
  async execute(interaction, args, context) {
    const resolved = await resolveViewer(interaction, context);
    if (!canCalibrate(resolved.viewer)) throw new UserFacingError('forbidden', reviewText(resolved.lang).needsCalibrator);
    const session = await loadViewableSession(context, resolved, args[0] ?? '');
    const [lineN, attempt] = (interaction.values[0] ?? '').split(':').map(Number);
    const exchange = session.exchanges.find((candidate) => candidate.lineN === lineN && candidate.attempt === attempt);
    if (!exchange) throw new UserFacingError('unknown_action', uiText(resolved.lang).errors.unknownAction);
    await interaction.showModal(overrideModal(session.id, exchange.lineN, exchange.attempt, exchangeLabel(exchange), resolved.lang));
  },
} satisfies SelectHandler;

const overrideModalHandler = {
  prefix: REVIEW_IDS.override,
  async execute(interaction, args, context) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const resolved = await resolveViewer(interaction, context);
    if (!canCalibrate(resolved.viewer)) throw new UserFacingError('forbidden', reviewText(resolved.lang).needsCalibrator);
    const [sessionId = '', rawLine = '', rawAttempt = ''] = args;
    const session = await loadViewableSession(context, resolved, sessionId);
    const input = readOverride(interaction, resolved.lang);
    const lineN = Number.parseInt(rawLine, 10);
    const attempt = Number.parseInt(rawAttempt, 10);
    await setOverride(context.storage, session.id, lineN, attempt, input, { lang: resolved.lang });
    context.log.info({ sessionId: session.id, lineN, attempt }, 'grade overridden');
    await interaction.editReply(visible({ content: reviewText(resolved.lang).overrideSaved(exchangeLabel({ lineN, attempt })) }));
  },
} satisfies ModalHandler;

export const reviewSelects: readonly SelectHandler[] = [openTranscriptSelect, sessionReportSelect, correctSelect];
export const reviewModals: readonly ModalHandler[] = [overrideModalHandler];
