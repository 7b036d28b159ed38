import type { BoundaryVerdict, Language } from '../evaluation/grade.js';
import type { Outcome } from '../engine/session.js';

/**
 * Every line the bot shows on Discord, in German and English. Functions take the values that
 * vary; they return plain text (callers escape trainee text before passing it in).
 */
interface UiText {
  errors: {
    generic(reference: string): string;
    storeUnavailable: string;
    guildOnly: string;
    needsManageGuild: string;
    needsRole(role: 'trainer' | 'manager', roleId: string | null): string;
    channelNotAllowed(channelIds: string[]): string;
    noSessionHere: string;
    notYourSession: string;
    replyEmpty: string;
    replyTooLong(max: number): string;
    threadFailed: string;
    textChannelOnly: string;
    unknownAction: string;
  };
  /** answers when a member sends faster than the per-member rate limit allows (see rate-limit.ts) */
  rateLimit: {
    replyRefused(seconds: number): string;
    actionRefused(seconds: number): string;
  };
  practice: {
    threadName(persona: string, member: string): string;
    threadOpened(threadId: string): string;
    briefTitle(persona: string): string;
    situation: string;
    goal: string;
    howTo: string;
    contentNoticeTitle: string;
    startButton: string;
    cancelButton: string;
    cancelled: string;
    feedbackTitle: string;
    composure: string;
    empathy: string;
    boundary: string;
    strength: string;
    /** heads the first feedback line of a reply that lost its composure */
    lands: string;
    tip: string;
    example: string;
    offlineGrading: string;
    verdict: Record<BoundaryVerdict, string>;
    hintButton: string;
    retryButton: string;
    endButton: string;
    hintTitle: string;
    retryIntro: string;
    paused: string;
    alreadyPaused: string;
    sessionOver: string;
    resumed: string;
    recovered: string;
    attempt(n: number): string;
    intensity: Record<'gentle' | 'standard' | 'harsh', string>;
  };
  summary: {
    title(persona: string): string;
    outcome: string;
    outcomes: Record<Outcome, string>;
    exchanges: string;
    averages: string;
    averagesLine(composure: string, empathy: string, boundaryPercent: string, overall: string): string;
    noReplies: string;
    best: string;
    weakest: string;
    practiseNext: string;
    scores: string;
  };
  personas: {
    title: string;
    difficulty(level: number): string;
    channel: Record<'phone' | 'email' | 'in_person' | 'chat', string>;
    contentNotice: string;
    empty: string;
  };
  progress: {
    title: string;
    none: string;
    sessions(total: number, ended: number): string;
    averages: string;
    recent: string;
    trend: string;
    trendLine(first: string, last: string): string;
    sessionLine(date: string, persona: string, turns: number, average: string, criteria?: string): string;
    criteria(composure: string, empathy: string, boundaryPercent: string): string;
  };
  config: {
    title: string;
    saved: string;
    trainerRole: string;
    managerRole: string;
    practiceChannels: string;
    anyChannel: string;
    threadVisibility: string;
    visibility: Record<'private' | 'public', string>;
    language: string;
    notSet: string;
  };
}

const en: UiText = {
  errors: {
    generic: (reference) => `Something went wrong on our side. Please try again; if it keeps happening, give an admin this reference: \`${reference}\`.`,
    storeUnavailable: 'The practice store is not reachable right now. Please try again in a moment — nothing you wrote was lost.',
    guildOnly: 'This command works inside a server, not in direct messages.',
    needsManageGuild: 'Only members with the Manage Server permission can change these settings.',
    needsRole: (role, roleId) =>
      roleId
        ? `This needs the ${role} role (<@&${roleId}>) or the Manage Server permission.`
        : `This needs the ${role} role, which is not set up on this server yet (an admin can set it with /config), or the Manage Server permission.`,
    channelNotAllowed: (ids) => `Practice sessions start in ${ids.map((id) => `<#${id}>`).join(', ')}. Please run the command there.`,
    noSessionHere: 'There is no practice session in this channel. Start one with /practice start.',
    notYourSession: 'This practice session belongs to someone else.',
    replyEmpty: 'Your message was empty — write your reply to the customer as a normal message.',
    replyTooLong: (max) => `That reply is too long to grade (more than ${max} characters). Please answer in a shorter message.`,
    threadFailed: 'I could not open a thread here. Please ask an admin to give me the Create Threads and Send Messages in Threads permissions.',
    textChannelOnly: 'Practice sessions start in a text channel (not inside a thread or forum). Please run the command there.',
    unknownAction: 'This button is no longer active.',
  },
  rateLimit: {
    replyRefused: (seconds) =>
      `You are sending replies faster than I can grade them. This reply was **not** graded — please send it again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    actionRefused: (seconds) =>
      `Too many requests in a short time, so nothing was done. Please try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  },
  practice: {
    threadName: (persona, member) => `Practice: ${persona} · ${member}`,
    threadOpened: (threadId) => `Your practice session is ready in <#${threadId}>.`,
    briefTitle: (persona) => `Your conversation: ${persona}`,
    situation: 'Situation',
    goal: 'Your goal',
    howTo:
      'Reply to the customer with normal messages in this thread. After each reply you get short feedback. Leave whenever you like — ending early carries no penalty.',
    contentNoticeTitle: 'Before you start',
    startButton: 'Start',
    cancelButton: 'Cancel',
    cancelled: 'Practice cancelled. You can start another one any time with /practice start.',
    feedbackTitle: 'Feedback on your reply',
    composure: 'Composure',
    empathy: 'Empathy',
    boundary: 'Boundary',
    strength: 'What worked',
    lands: 'How it lands',
    tip: 'Tip',
    example: 'You could say',
    offlineGrading: 'offline grading',
    verdict: {
      not_needed: 'not needed — fine',
      set_well: 'set well',
      missing: 'missing',
      unnecessary: 'not needed here',
      too_harsh: 'too harsh',
    },
    hintButton: 'Hint',
    retryButton: 'Retry',
    endButton: 'End',
    hintTitle: 'Hint',
    retryIntro: 'Try this line again — your first attempt stays in the record:',
    paused: 'Session paused. Continue with /practice resume in this thread.',
    alreadyPaused: 'This session is paused. Continue with /practice resume.',
    sessionOver: 'This practice has ended, so this message was not graded. Start a new one with /practice start.',
    resumed: 'Welcome back. The customer is still waiting for your answer to:',
    recovered: 'I was briefly offline. Here is the answer to your last reply:',
    attempt: (n) => `attempt ${n}`,
    intensity: { gentle: 'gentle', standard: 'standard', harsh: 'harsh' },
  },
  summary: {
    title: (persona) => `Session summary: ${persona}`,
    outcome: 'Outcome',
    outcomes: {
      resolved: 'The customer is satisfied.',
      hung_up: 'The customer ended the conversation.',
      trainee_ended: 'You closed the conversation.',
      turn_limit: 'The conversation reached its length limit.',
      stopped: 'You stopped the session.',
    },
    exchanges: 'Graded replies',
    averages: 'Averages',
    averagesLine: (composure, empathy, boundary, overall) =>
      `Composure ${composure}/5 · Empathy ${empathy}/5 · Boundary right ${boundary} · Overall ${overall}/5`,
    noReplies: 'No replies were graded in this session.',
    best: 'Strongest reply',
    weakest: 'Most room to grow',
    practiseNext: 'Practise next',
    scores: 'Scores per reply',
  },
  personas: {
    title: 'Practice customers',
    difficulty: (level) => `difficulty ${'●'.repeat(level)}${'○'.repeat(Math.max(0, 3 - level))}`,
    channel: { phone: 'phone', email: 'email', in_person: 'in person', chat: 'chat' },
    contentNotice: 'content notice',
    empty: 'No personas are available.',
  },
  progress: {
    title: 'Your practice progress',
    none: 'You have no practice sessions on this server yet. Start one with /practice start.',
    sessions: (total, ended) => `${total} sessions, ${ended} finished`,
    averages: 'Average per criterion (recent sessions)',
    recent: 'Recent sessions',
    trend: 'Overall score over time',
    trendLine: (first, last) => `from ${first} (earliest) to ${last} (latest)`,
    sessionLine: (date, persona, turns, average, criteria) => `${date} · ${persona} · ${turns} replies · ${average}${criteria ? ` (${criteria})` : ''}`,
    criteria: (composure, empathy, boundary) => `composure ${composure} · empathy ${empathy} · boundary ${boundary}`,
  },
  config: {
    title: 'Server settings',
    saved: 'Settings saved.',
    trainerRole: 'Trainer role',
    managerRole: 'Manager role',
    practiceChannels: 'Practice channels',
    anyChannel: 'any text channel',
    threadVisibility: 'Practice threads',
    visibility: { private: 'private', public: 'public' },
    language: 'Default language',
    notSet: 'not set',
  },
};

const de: UiText = {
  errors: {
    generic: (reference) =>
      `Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es noch einmal; wenn es wieder passiert, nennen Sie einer Admin-Person diese Referenz: \`${reference}\`.`,
    storeUnavailable:
      'Der Übungsspeicher ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal — nichts von dem, was Sie geschrieben haben, ist verloren.',
    guildOnly: 'Dieser Befehl funktioniert nur auf einem Server, nicht in Direktnachrichten.',
    needsManageGuild: 'Nur Mitglieder mit der Berechtigung „Server verwalten“ können diese Einstellungen ändern.',
    needsRole: (role, roleId) => {
      const name = role === 'trainer' ? 'Trainer-Rolle' : 'Manager-Rolle';
      return roleId
        ? `Dafür brauchen Sie die ${name} (<@&${roleId}>) oder die Berechtigung „Server verwalten“.`
        : `Dafür brauchen Sie die ${name}, die auf diesem Server noch nicht eingerichtet ist (Admins setzen sie mit /config), oder die Berechtigung „Server verwalten“.`;
    },
    channelNotAllowed: (ids) => `Übungen starten in ${ids.map((id) => `<#${id}>`).join(', ')}. Bitte nutzen Sie den Befehl dort.`,
    noSessionHere: 'In diesem Kanal läuft keine Übung. Starten Sie eine mit /practice start.',
    notYourSession: 'Diese Übung gehört jemand anderem.',
    replyEmpty: 'Ihre Nachricht war leer — schreiben Sie Ihre Antwort an die Kundschaft als normale Nachricht.',
    replyTooLong: (max) => `Diese Antwort ist zu lang zum Bewerten (mehr als ${max} Zeichen). Bitte antworten Sie in einer kürzeren Nachricht.`,
    threadFailed:
      'Ich konnte hier keinen Thread öffnen. Bitten Sie eine Admin-Person, mir die Berechtigungen „Threads erstellen“ und „Nachrichten in Threads senden“ zu geben.',
    textChannelOnly: 'Übungen starten in einem Textkanal (nicht in einem Thread oder Forum). Bitte nutzen Sie den Befehl dort.',
    unknownAction: 'Diese Schaltfläche ist nicht mehr aktiv.',
  },
  rateLimit: {
    replyRefused: (seconds) =>
      `Sie senden Antworten schneller, als ich sie bewerten kann. Diese Antwort wurde **nicht** bewertet — bitte senden Sie sie in ${seconds} ${seconds === 1 ? 'Sekunde' : 'Sekunden'} noch einmal.`,
    actionRefused: (seconds) =>
      `Zu viele Anfragen in kurzer Zeit, deshalb ist nichts geschehen. Bitte versuchen Sie es in ${seconds} ${seconds === 1 ? 'Sekunde' : 'Sekunden'} noch einmal.`,
  },
  practice: {
    threadName: (persona, member) => `Übung: ${persona} · ${member}`,
    threadOpened: (threadId) => `Ihre Übung wartet in <#${threadId}>.`,
    briefTitle: (persona) => `Ihr Gespräch: ${persona}`,
    situation: 'Ausgangslage',
    goal: 'Ihr Ziel',
    howTo:
      'Antworten Sie der Kundschaft mit normalen Nachrichten in diesem Thread. Nach jeder Antwort bekommen Sie kurzes Feedback. Sie können jederzeit aufhören — ein früheres Ende hat keine Nachteile.',
    contentNoticeTitle: 'Bevor es losgeht',
    startButton: 'Starten',
    cancelButton: 'Abbrechen',
    cancelled: 'Übung abgebrochen. Mit /practice start können Sie jederzeit eine neue beginnen.',
    feedbackTitle: 'Feedback zu Ihrer Antwort',
    composure: 'Gelassenheit',
    empathy: 'Empathie',
    boundary: 'Grenze',
    strength: 'Das war gut',
    lands: 'So kommt es an',
    tip: 'Tipp',
    example: 'Sie könnten sagen',
    offlineGrading: 'Offline-Bewertung',
    verdict: {
      not_needed: 'nicht nötig — passt',
      set_well: 'gut gesetzt',
      missing: 'fehlt',
      unnecessary: 'hier nicht nötig',
      too_harsh: 'zu hart',
    },
    hintButton: 'Hinweis',
    retryButton: 'Nochmal',
    endButton: 'Beenden',
    hintTitle: 'Hinweis',
    retryIntro: 'Versuchen Sie diese Zeile noch einmal — Ihr erster Versuch bleibt gespeichert:',
    paused: 'Übung pausiert. Machen Sie mit /practice resume in diesem Thread weiter.',
    alreadyPaused: 'Diese Übung ist pausiert. Machen Sie mit /practice resume weiter.',
    sessionOver: 'Diese Übung ist beendet, daher wurde die Nachricht nicht bewertet. Starten Sie eine neue mit /practice start.',
    resumed: 'Willkommen zurück. Die Kundschaft wartet noch auf Ihre Antwort auf:',
    recovered: 'Ich war kurz offline. Hier ist die Antwort auf Ihre letzte Nachricht:',
    attempt: (n) => `Versuch ${n}`,
    intensity: { gentle: 'sanft', standard: 'standard', harsh: 'hart' },
  },
  summary: {
    title: (persona) => `Zusammenfassung: ${persona}`,
    outcome: 'Ausgang',
    outcomes: {
      resolved: 'Die Kundschaft ist zufrieden.',
      hung_up: 'Die Kundschaft hat das Gespräch beendet.',
      trainee_ended: 'Sie haben das Gespräch abgeschlossen.',
      turn_limit: 'Das Gespräch hat seine Höchstlänge erreicht.',
      stopped: 'Sie haben die Übung beendet.',
    },
    exchanges: 'Bewertete Antworten',
    averages: 'Durchschnitt',
    averagesLine: (composure, empathy, boundary, overall) =>
      `Gelassenheit ${composure}/5 · Empathie ${empathy}/5 · Grenze richtig ${boundary} · Gesamt ${overall}/5`,
    noReplies: 'In dieser Übung wurde keine Antwort bewertet.',
    best: 'Stärkste Antwort',
    weakest: 'Meiste Luft nach oben',
    practiseNext: 'Als Nächstes üben',
    scores: 'Werte je Antwort',
  },
  personas: {
    title: 'Übungskundschaft',
    difficulty: (level) => `Schwierigkeit ${'●'.repeat(level)}${'○'.repeat(Math.max(0, 3 - level))}`,
    channel: { phone: 'Telefon', email: 'E-Mail', in_person: 'vor Ort', chat: 'Chat' },
    contentNotice: 'Inhaltshinweis',
    empty: 'Es sind keine Personas verfügbar.',
  },
  progress: {
    title: 'Ihr Übungsfortschritt',
    none: 'Sie haben auf diesem Server noch keine Übung gemacht. Starten Sie eine mit /practice start.',
    sessions: (total, ended) => `${total} Übungen, ${ended} abgeschlossen`,
    averages: 'Durchschnitt je Kriterium (letzte Übungen)',
    recent: 'Letzte Übungen',
    trend: 'Gesamtwert im Verlauf',
    trendLine: (first, last) => `von ${first} (früheste) bis ${last} (neueste)`,
    sessionLine: (date, persona, turns, average, criteria) => `${date} · ${persona} · ${turns} Antworten · ${average}${criteria ? ` (${criteria})` : ''}`,
    criteria: (composure, empathy, boundary) => `Gelassenheit ${composure} · Empathie ${empathy} · Grenze ${boundary}`,
  },
  config: {
    title: 'Servereinstellungen',
    saved: 'Einstellungen gespeichert.',
    trainerRole: 'Trainer-Rolle',
    managerRole: 'Manager-Rolle',
    practiceChannels: 'Übungskanäle',
    anyChannel: 'jeder Textkanal',
    threadVisibility: 'Übungs-Threads',
    visibility: { private: 'privat', public: 'öffentlich' },
    language: 'Standardsprache',
    notSet: 'nicht gesetzt',
  },
};

const TEXTS: Record<Language, UiText> = { de, en };

export function uiText(lang: Language): UiText {
  return TEXTS[lang];
}
