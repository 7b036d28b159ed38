import { AttachmentBuilder } from 'discord.js';
import type { Session } from '../../engine/session.js';
import { UserFacingError } from '../../errors.js';
import type { Language } from '../../evaluation/grade.js';
import { createAdvice } from '../../engine/advice.js';
import { buildGroupReport, buildSessionReport, canViewSession, renderReport, type ReportDeps, type ReportFormat } from '../../reports/index.js';
import type { BotContext } from '../bot-context.js';
import { uiText } from '../ui-text.js';
import type { ResolvedViewer } from './viewer.js';

function reportDeps(context: BotContext, lang: Language, memberName: (userId: string) => string | undefined): ReportDeps {
  return { personas: context.personas, advise: createAdvice(context.personas), lang, memberName };
}

/** One session's report as a Discord attachment (access checked by the caller). */
export function sessionAttachment(
  context: BotContext,
  session: Session,
  format: ReportFormat,
  lang: Language,
  memberName: (userId: string) => string | undefined,
): AttachmentBuilder {
  const rendered = renderReport(buildSessionReport(session, reportDeps(context, lang, memberName)), format);
  return new AttachmentBuilder(Buffer.from(rendered.body), { name: rendered.filename });
}

/**
 * A group session's results as an attachment. Trainers and managers get every participant; a
 * trainee asking gets a refusal (group results show the others' replies).
 */
export async function groupAttachment(
  context: BotContext,
  resolved: ResolvedViewer,
  groupId: string,
  format: ReportFormat,
  memberName: (userId: string) => string | undefined,
): Promise<AttachmentBuilder> {
  const report = await buildGroupReport(context.storage, groupId, reportDeps(context, resolved.lang, memberName));
  const visible = report.sessions.every((entry) => canViewSession(resolved.viewer, entry.session));
  if (!visible) throw new UserFacingError('forbidden', uiText(resolved.lang).errors.notYourSession);
  const rendered = renderReport(report, format);
  return new AttachmentBuilder(Buffer.from(rendered.body), { name: rendered.filename });
}
