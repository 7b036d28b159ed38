import type { Language } from '../../evaluation/grade.js';
import type { Outcome } from '../../engine/session.js';
import type { GroupMode } from './group-record.js';

/**
 * Every line the group features show, in German and English. Values that come from members
 * (names, replies) arrive already escaped; nothing here mentions anyone.
 */
interface GroupText {
  modes: Record<GroupMode, string>;
  card: {
    title(persona: string): string;
    description(mode: GroupMode): string;
    trainer: string;
    mode: string;
    ends: string;
    noEnd: string;
    participants(count: number): string;
    nobodyYet: string;
    participantLine(name: string, turns: number, average: string | null): string;
    more(count: number): string;
    statusOpen: string;
    statusEnded: string;
    round(n: number): string;
    roundOpen(answered: number, expected: number): string;
    roundClosed: string;
    relayTurn(name: string): string;
    relayWaiting: string;
    finished: string;
  };
  buttons: {
    join: string;
    nextLine: string;
    firstLine: string;
    startRelay: string;
    skipTurn: string;
  };
  start: {
    started(mode: GroupMode): string;
    alreadyRunning: string;
    notTextChannel: string;
  };
  join: {
    joined(threadId: string): string;
    joinedRelay: string;
    /** above the content notice, before a member joins a group with a harsh or sensitive customer */
    consent: string;
    consentButton: string;
    already(threadId: string | null): string;
    ended: string;
    threadName(persona: string, member: string): string;
    threadIntro(persona: string, trainer: string): string;
    scenarioWait: string;
  };
  end: {
    noGroup: string;
    ended: string;
    threadClosed: string;
    timeUp: string;
    byTrainer: string;
  };
  /** a member who had their data deleted leaves a running group */
  leave: {
    threadClosed: string;
    relayLeft: string;
  };
  board: {
    title(persona: string): string;
    summary(count: number, mode: GroupMode): string;
    rankLine(rank: number, name: string, average: string | null, replies: number): string;
    noReplies: string;
    strongest(score: string): string;
    weakest(score: string): string;
    customerSaid: string;
    nobody: string;
    transcripts: string;
    continued: string;
  };
  scenario: {
    roundTitle(n: number): string;
    answerInThread: string;
    answerHere: string;
    received: string;
    alreadyAnswered: string;
    notInRound: string;
    closesAt(timestamp: string): string;
    answersTitle(n: number): string;
    answerLine(score: string): string;
    noAnswer: string;
    waitForNext: string;
    roundStillOpen: string;
    roundClosedEarly: string;
    over(outcome: string): string;
    noParticipants: string;
    opened: string;
  };
  relay: {
    yourTurn(name: string): string;
    /** after a restart: the answer of the trainee whose turn it is was never graded */
    answerLost(name: string): string;
    graded(name: string, score: string): string;
    over: string;
    skipped(name: string): string;
    noParticipants: string;
    started: string;
    passed: string;
  };
  outcomes: Record<Outcome, string>;
  scores: {
    composure: string;
    empathy: string;
    boundary: string;
    tip: string;
  };
}

const en: GroupText = {
  modes: { individual: 'each in their own thread', scenario: 'shared scenario', relay: 'relay' },
  card: {
    title: (persona) => `Group practice: ${persona}`,
    description: (mode) =>
      mode === 'individual'
        ? 'Press **Join** to get your own thread with this customer. Reply there as in a normal practice; this card shows how the group is doing.'
        : mode === 'scenario'
          ? 'Press **Join** to get your own thread. Each round, one customer line appears here and in your thread; answer it in your thread. When everyone has answered, all answers are shown side by side.'
          : 'Press **Join** to take part. Everyone answers the same customer in this channel, one after the other; the card says whose turn it is.',
    trainer: 'Trainer',
    mode: 'Format',
    ends: 'Ends',
    noEnd: 'when the trainer ends it',
    participants: (count) => `Taking part (${count})`,
    nobodyYet: 'Nobody has joined yet.',
    participantLine: (name, turns, average) => `${name} — ${turns} ${turns === 1 ? 'reply' : 'replies'}${average ? ` · ⌀ ${average}/5` : ''}`,
    more: (count) => `… and ${count} more`,
    statusOpen: 'open — join any time',
    statusEnded: 'ended — see the results below',
    round: (n) => `Round ${n}`,
    roundOpen: (answered, expected) => `${answered} of ${expected} answered`,
    roundClosed: 'answers are in — waiting for the next line',
    relayTurn: (name) => `Now answering: ${name}`,
    relayWaiting: 'waiting for the trainer to start',
    finished: 'the conversation is over',
  },
  buttons: { join: 'Join', nextLine: 'Next line', firstLine: 'First line', startRelay: 'Start relay', skipTurn: 'Skip turn' },
  start: {
    started: (mode) => `Group practice (${en.modes[mode]}) started. End it with /session end.`,
    alreadyRunning: 'A group practice is already running in this channel. End it with /session end first.',
    notTextChannel: 'Group practice needs a normal text channel (not a thread or a voice channel).',
  },
  join: {
    joined: (threadId) => `You are in. Your thread: <#${threadId}>`,
    joinedRelay: 'You are in. Watch this channel: when it is your turn, answer the customer here with a normal message.',
    consent: 'Please read this before you join.',
    consentButton: 'Join anyway',
    already: (threadId) => (threadId ? `You have already joined. Your thread: <#${threadId}>` : 'You have already joined.'),
    ended: 'This group practice has ended.',
    threadName: (persona, member) => `Group: ${persona} · ${member}`,
    threadIntro: (persona, trainer) => `Group practice with **${persona}**, run by ${trainer}.`,
    scenarioWait:
      'The trainer posts each customer line here. Answer it with one normal message; your answer is graded with everyone else’s when the round closes.',
  },
  end: {
    noGroup: 'There is no group practice running in this channel.',
    ended: 'Group practice ended. The results board is in the channel.',
    threadClosed: 'The trainer has ended the group practice. This thread is now closed; your transcript is saved.',
    timeUp: 'Time is up: the group practice has ended.',
    byTrainer: 'The trainer has ended the group practice.',
  },
  leave: {
    threadClosed:
      'You had your practice data deleted, so you have left this group practice. This thread is closed, and nothing of your answers here is stored any more.',
    relayLeft: 'Someone has left the relay; the others carry on.',
  },
  board: {
    title: (persona) => `Results: ${persona}`,
    summary: (count, mode) => `${count} ${count === 1 ? 'trainee' : 'trainees'} · ${en.modes[mode]} · ranked by average score`,
    rankLine: (rank, name, average, replies) =>
      `**${rank}.** ${name} — ${average ? `⌀ ${average}/5` : 'no graded replies'} · ${replies} ${replies === 1 ? 'reply' : 'replies'}`,
    noReplies: 'No graded replies.',
    strongest: (score) => `Strongest moment (${score}/5)`,
    weakest: (score) => `Most room to grow (${score}/5)`,
    customerSaid: 'Customer',
    nobody: 'Nobody took part.',
    transcripts: 'Every transcript is saved with this group session.',
    continued: 'Results (continued)',
  },
  scenario: {
    roundTitle: (n) => `Round ${n} — the customer says:`,
    answerInThread: 'Answer in your own thread with one message.',
    answerHere: 'Answer this line with one normal message.',
    received: 'Answer received. You will see everyone’s answers when the round closes.',
    alreadyAnswered: 'You have already answered this round; your first answer counts.',
    notInRound: 'No round is open right now — wait for the next customer line.',
    closesAt: (timestamp) => `The round closes ${timestamp}.`,
    answersTitle: (n) => `Round ${n} — all answers`,
    answerLine: (score) => `⌀ ${score}/5`,
    noAnswer: 'no answer',
    waitForNext: 'The trainer decides when the customer says the next line.',
    roundStillOpen: 'The round was still open; I have closed it now. Press again for the next line.',
    roundClosedEarly: 'Round closed by the trainer.',
    over: (outcome) => `The conversation is over: ${outcome}`,
    noParticipants: 'Nobody has joined yet — wait until trainees have joined.',
    opened: 'Line posted. The round closes when everyone has answered or the time is up.',
  },
  relay: {
    yourTurn: (name) => `Your turn, ${name}: answer the customer with one message in this channel.`,
    answerLost: (name) => `I was briefly offline and your answer did not reach me, ${name}. It is still your turn: please send it again.`,
    graded: (name, score) => `${name}: ⌀ ${score}/5`,
    over: 'The relay is over. The trainer can end the session to see the results.',
    skipped: (name) => `${name}'s turn was skipped.`,
    noParticipants: 'Nobody has joined yet — wait until trainees have joined.',
    started: 'The relay has started.',
    passed: 'The turn has moved on.',
  },
  outcomes: {
    resolved: 'the customer is satisfied.',
    hung_up: 'the customer ended the conversation.',
    trainee_ended: 'the conversation was closed politely.',
    turn_limit: 'the conversation reached its length limit.',
    stopped: 'the session was stopped.',
  },
  scores: { composure: 'Composure', empathy: 'Empathy', boundary: 'Boundary', tip: 'Tip' },
};

const de: GroupText = {
  modes: { individual: 'alle im eigenen Thread', scenario: 'gemeinsames Szenario', relay: 'Staffel' },
  card: {
    title: (persona) => `Gruppenübung: ${persona}`,
    description: (mode) =>
      mode === 'individual'
        ? 'Drück auf **Beitreten**, um einen eigenen Thread mit dieser Kundschaft zu bekommen. Antworte dort wie in einer normalen Übung; diese Karte zeigt, wie die Gruppe vorankommt.'
        : mode === 'scenario'
          ? 'Drück auf **Beitreten**, um einen eigenen Thread zu bekommen. In jeder Runde erscheint hier und in deinem Thread eine Kundenaussage; antworte darauf in deinem Thread. Sobald alle geantwortet haben, stehen alle Antworten nebeneinander.'
          : 'Drück auf **Beitreten**, um mitzumachen. Ihr antwortet nacheinander derselben Kundschaft hier im Kanal; die Karte zeigt, wer gerade dran ist.',
    trainer: 'Trainer:in',
    mode: 'Format',
    ends: 'Endet',
    noEnd: 'wenn die Trainerin oder der Trainer sie beendet',
    participants: (count) => `Dabei (${count})`,
    nobodyYet: 'Noch niemand ist beigetreten.',
    participantLine: (name, turns, average) => `${name} — ${turns} ${turns === 1 ? 'Antwort' : 'Antworten'}${average ? ` · ⌀ ${average}/5` : ''}`,
    more: (count) => `… und ${count} weitere`,
    statusOpen: 'offen — Beitritt jederzeit möglich',
    statusEnded: 'beendet — die Ergebnisse stehen unten',
    round: (n) => `Runde ${n}`,
    roundOpen: (answered, expected) => `${answered} von ${expected} haben geantwortet`,
    roundClosed: 'alle Antworten sind da — wir warten auf die nächste Aussage',
    relayTurn: (name) => `Jetzt antwortet: ${name}`,
    relayWaiting: 'wartet auf den Start durch die Trainerin oder den Trainer',
    finished: 'das Gespräch ist vorbei',
  },
  buttons: { join: 'Beitreten', nextLine: 'Nächste Aussage', firstLine: 'Erste Aussage', startRelay: 'Staffel starten', skipTurn: 'Runde überspringen' },
  start: {
    started: (mode) => `Gruppenübung (${de.modes[mode]}) gestartet. Beende sie mit /session end.`,
    alreadyRunning: 'In diesem Kanal läuft schon eine Gruppenübung. Beende sie zuerst mit /session end.',
    notTextChannel: 'Eine Gruppenübung braucht einen normalen Textkanal (keinen Thread und keinen Sprachkanal).',
  },
  join: {
    joined: (threadId) => `Du bist dabei. Dein Thread: <#${threadId}>`,
    joinedRelay: 'Du bist dabei. Behalte diesen Kanal im Blick: Wenn du dran bist, antworte der Kundschaft hier mit einer normalen Nachricht.',
    consent: 'Bitte lies das, bevor du mitmachst.',
    consentButton: 'Trotzdem mitmachen',
    already: (threadId) => (threadId ? `Du bist schon dabei. Dein Thread: <#${threadId}>` : 'Du bist schon dabei.'),
    ended: 'Diese Gruppenübung ist beendet.',
    threadName: (persona, member) => `Gruppe: ${persona} · ${member}`,
    threadIntro: (persona, trainer) => `Gruppenübung mit **${persona}**, geleitet von ${trainer}.`,
    scenarioWait:
      'Die Trainerin oder der Trainer stellt jede Kundenaussage hier ein. Antworte mit einer normalen Nachricht; bewertet wird deine Antwort zusammen mit allen anderen, sobald die Runde schließt.',
  },
  end: {
    noGroup: 'In diesem Kanal läuft keine Gruppenübung.',
    ended: 'Gruppenübung beendet. Die Ergebnistafel steht im Kanal.',
    threadClosed: 'Die Gruppenübung wurde beendet. Dieser Thread ist jetzt geschlossen; dein Verlauf ist gespeichert.',
    timeUp: 'Die Zeit ist um: Die Gruppenübung ist beendet.',
    byTrainer: 'Die Gruppenübung wurde von der Trainerin oder dem Trainer beendet.',
  },
  leave: {
    threadClosed:
      'Du hast deine Übungsdaten löschen lassen und damit diese Gruppenübung verlassen. Der Thread ist geschlossen; von deinen Antworten hier ist nichts mehr gespeichert.',
    relayLeft: 'Jemand hat die Staffel verlassen; die anderen machen weiter.',
  },
  board: {
    title: (persona) => `Ergebnisse: ${persona}`,
    summary: (count, mode) => `${count} ${count === 1 ? 'Person' : 'Personen'} · ${de.modes[mode]} · nach Durchschnitt sortiert`,
    rankLine: (rank, name, average, replies) =>
      `**${rank}.** ${name} — ${average ? `⌀ ${average}/5` : 'keine bewertete Antwort'} · ${replies} ${replies === 1 ? 'Antwort' : 'Antworten'}`,
    noReplies: 'Keine bewertete Antwort.',
    strongest: (score) => `Stärkster Moment (${score}/5)`,
    weakest: (score) => `Meiste Luft nach oben (${score}/5)`,
    customerSaid: 'Kundschaft',
    nobody: 'Niemand hat teilgenommen.',
    transcripts: 'Alle Verläufe sind bei dieser Gruppenübung gespeichert.',
    continued: 'Ergebnisse (Fortsetzung)',
  },
  scenario: {
    roundTitle: (n) => `Runde ${n} — die Kundschaft sagt:`,
    answerInThread: 'Antworte in deinem eigenen Thread mit einer Nachricht.',
    answerHere: 'Antworte auf diese Aussage mit einer normalen Nachricht.',
    received: 'Antwort angekommen. Alle Antworten siehst du, sobald die Runde schließt.',
    alreadyAnswered: 'Du hast in dieser Runde schon geantwortet; es zählt deine erste Antwort.',
    notInRound: 'Gerade läuft keine Runde — warte auf die nächste Kundenaussage.',
    closesAt: (timestamp) => `Die Runde schließt ${timestamp}.`,
    answersTitle: (n) => `Runde ${n} — alle Antworten`,
    answerLine: (score) => `⌀ ${score}/5`,
    noAnswer: 'keine Antwort',
    waitForNext: 'Die Trainerin oder der Trainer entscheidet, wann die Kundschaft weiterspricht.',
    roundStillOpen: 'Die Runde lief noch; ich habe sie jetzt geschlossen. Drück noch einmal für die nächste Aussage.',
    roundClosedEarly: 'Runde von der Trainerin oder dem Trainer geschlossen.',
    over: (outcome) => `Das Gespräch ist vorbei: ${outcome}`,
    noParticipants: 'Noch niemand ist beigetreten — warte, bis Teilnehmende dabei sind.',
    opened: 'Aussage gepostet. Die Runde schließt, sobald alle geantwortet haben oder die Zeit um ist.',
  },
  relay: {
    yourTurn: (name) => `Du bist dran, ${name}: Antworte der Kundschaft mit einer Nachricht in diesem Kanal.`,
    answerLost: (name) => `Ich war kurz offline, und deine Antwort ist nicht bei mir angekommen, ${name}. Du bist weiter dran: Schick sie bitte noch einmal.`,
    graded: (name, score) => `${name}: ⌀ ${score}/5`,
    over: 'Die Staffel ist vorbei. Mit /session end gibt es die Ergebnisse.',
    skipped: (name) => `${name} wurde übersprungen.`,
    noParticipants: 'Noch niemand ist beigetreten — warte, bis Teilnehmende dabei sind.',
    started: 'Die Staffel hat begonnen.',
    passed: 'Die nächste Person ist dran.',
  },
  outcomes: {
    resolved: 'Die Kundschaft ist zufrieden.',
    hung_up: 'Die Kundschaft hat das Gespräch beendet.',
    trainee_ended: 'Das Gespräch wurde höflich abgeschlossen.',
    turn_limit: 'Das Gespräch hat seine Höchstlänge erreicht.',
    stopped: 'Die Übung wurde gestoppt.',
  },
  scores: { composure: 'Gelassenheit', empathy: 'Empathie', boundary: 'Grenze', tip: 'Tipp' },
};

const TEXTS: Record<Language, GroupText> = { de, en };

export function groupText(lang: Language): GroupText {
  return TEXTS[lang];
}

export { formatScore } from '../../reports/report-text.js';
