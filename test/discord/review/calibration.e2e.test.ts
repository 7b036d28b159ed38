import { beforeEach, describe, expect, it } from 'vitest';
import { reviewText } from '../../../src/discord/review/review-text.js';
import { uiText } from '../../../src/discord/ui-text.js';
import type { FakeMember } from '../../support/fake-discord/index.js';
import { contentOf, embedsOf, useHarness, waitForAnswer } from '../bot-harness.js';
import { fileText, filesOf, practise, selectValues, settled } from './review-harness.js';

const text = reviewText('en');

describe('grade overrides and /calibration over Discord', () => {
  const h = useHarness();
  let trainer: FakeMember;
  let role: string;
  beforeEach(async () => {
    role = h.fake.role(h.guild, 'Trainer');
    await waitForAnswer(h.fake, h.fake.slash(h.admin, 'config', { sub: 'set', options: { 'trainer-role': { type: 'role', id: role } } }));
    trainer = h.fake.member(h.guild, { username: 'trainer', roles: [role] });
  });

  async function openTranscript(member: FakeMember, sessionId: string) {
    return settled(h, h.fake.slash(member, 'transcripts', { options: { session: sessionId } }));
  }

  it('stores a trainer’s correction from the modal beside the machine grade and shows it in /calibration', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const session = await practise(h, trainee, ['Calm down, it is just a card.']);
    const machine = session.exchanges[0]!.grade;

    const transcript = await openTranscript(trainer, session.id);
    expect(selectValues(transcript, `review-correct:${session.id}`)).toEqual(['0:1']);
    const pick = h.fake.select(trainer, transcript, `review-correct:${session.id}`, ['0:1']);
    await h.fake.waitFor(() => pick.callback);
    expect(pick.callback?.type).toBe(9); // a modal
    expect(pick.callback?.data?.['custom_id']).toBe(`review-override:${session.id}:0:1`);

    const submit = h.fake.submitModal(trainer, pick, { composure: '2', empathy: '', boundary: 'missing', reason: 'Told the customer to calm down.' });
    const saved = await settled(h, submit);
    expect(saved.ephemeral).toBe(true);
    expect(contentOf(saved)).toBe(text.overrideSaved('1'));

    const stored = (await h.app.storage.sessions.get(session.id))!.exchanges[0]!;
    expect(stored.grade).toEqual(machine); // the machine grade stays as it was
    expect(stored.override).toMatchObject({ composure: 2, boundary: 'missing', reason: 'Told the customer to calm down.', by: trainer.user.id });
    expect(stored.override?.empathy).toBeUndefined();

    const reopened = await openTranscript(trainer, session.id);
    expect(
      embedsOf(reopened)
        .map((e) => e.description ?? '')
        .join('\n'),
    ).toContain('Told the customer to calm down.');

    const calibration = await settled(h, h.fake.slash(trainer, 'calibration'));
    expect(calibration.ephemeral).toBe(true);
    const [embed] = embedsOf(calibration);
    expect(embed?.description).toContain(text.calibrationCounts(1, 1));
    const composure = embed?.fields?.find((f) => f.name === text.criterion.composure)?.value;
    const same = machine.composure.score === 2 ? '100 %' : '0 %';
    expect(composure).toBe(text.calibrationLine(1, same, `${Math.abs(machine.composure.score - 2)}.0`));
    expect(embed?.fields?.find((f) => f.name === text.criterion.empathy)?.value).toBe(text.calibrationNoData);
    const labels = fileText(filesOf(calibration)[0])
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { gold: { override: unknown } });
    expect(labels).toHaveLength(1);
    expect(labels[0]!.gold.override).toEqual({ composure: 2, boundary: 'missing' });
  });

  it('refuses a bad score in the form and stores nothing', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const session = await practise(h, trainee, ['Fine, whatever.']);
    const transcript = await openTranscript(trainer, session.id);
    const pick = h.fake.select(trainer, transcript, `review-correct:${session.id}`, ['0:1']);
    await h.fake.waitFor(() => pick.callback);
    const answer = await settled(h, h.fake.submitModal(trainer, pick, { composure: '9', empathy: '', boundary: '', reason: 'x' }));
    expect(contentOf(answer)).toBe(text.badScore('Composure'));
    expect((await h.app.storage.sessions.get(session.id))!.exchanges[0]!.override).toBeUndefined();
  });

  it('refuses corrections by a trainee: no correction menu, a forged menu and a forged form are refused', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const session = await practise(h, trainee, ['Calm down.']);
    const own = await openTranscript(trainee, session.id);
    expect(selectValues(own, `review-correct:${session.id}`)).toEqual([]);
    const forgedMenu = await settled(h, h.fake.select(trainee, own, `review-correct:${session.id}`, ['0:1']));
    expect(contentOf(forgedMenu)).toBe(text.needsCalibrator);

    // a form opened by the trainer, submitted by the trainee
    const transcript = await openTranscript(trainer, session.id);
    const pick = h.fake.select(trainer, transcript, `review-correct:${session.id}`, ['0:1']);
    await h.fake.waitFor(() => pick.callback);
    const forgedForm = await settled(h, h.fake.submitModal(trainee, pick, { composure: '5', empathy: '5', boundary: 'set_well', reason: 'I was great.' }));
    expect(contentOf(forgedForm)).toBe(text.needsCalibrator);
    expect((await h.app.storage.sessions.get(session.id))!.exchanges[0]!.override).toBeUndefined();

    const calibration = await settled(h, h.fake.slash(trainee, 'calibration'));
    expect(contentOf(calibration)).toBe(uiText('en').errors.needsRole('trainer', role));
  });
});
