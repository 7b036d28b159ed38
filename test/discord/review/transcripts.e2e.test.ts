import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { embedLength } from '../../../src/discord/limits.js';
import { reviewText } from '../../../src/discord/review/review-text.js';
import { uiText } from '../../../src/discord/ui-text.js';
import { contentOf, customIdsOf, embedsOf, useHarness } from '../bot-harness.js';
import { fileText, filesOf, practise, seedCopy, selectValues, settled } from './review-harness.js';

const en = uiText('en');
const text = reviewText('en');
const INJECTED = 'Sorry! <script>alert("x")</script> <img src=x onerror=alert(1)> @everyone <@123>';

describe('/transcripts over Discord', () => {
  const h = useHarness();

  it('lets a manager list a trainee’s sessions, open one and export it in every format as an ephemeral file', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const session = await practise(h, trainee, [INJECTED, 'I understand how annoying this is. Let me unblock the card now.']);

    const list = await settled(h, h.fake.slash(h.admin, 'transcripts', { options: { member: { type: 'user', id: trainee.user.id } } }));
    expect(list.ephemeral).toBe(true);
    expect(embedsOf(list)[0]?.description).toContain(`<@${trainee.user.id}>`);
    expect(selectValues(list, 'review-open')).toEqual([session.id]);

    const opened = await settled(h, h.fake.select(h.admin, list, 'review-open', [session.id]));
    expect(opened.ephemeral).toBe(true);
    const shown = embedsOf(opened)
      .map((embed) => embed.description ?? '')
      .join('\n');
    expect(shown).toContain(session.lines[0]!.text);
    expect(shown).toContain('I understand how annoying this is.');
    // quoted trainee text: mentions broken, markdown escaped
    expect(shown).not.toContain('@everyone');
    expect(shown).not.toContain('<@123>');
    const persona = h.app.personas.require('frustrated');
    expect(embedsOf(opened).at(-1)?.title).toBe(en.summary.title(persona.names.en));
    expect(embedsOf(opened).reduce((sum, embed) => sum + embedLength(embed as APIEmbed), 0)).toBeLessThanOrEqual(6000);
    expect(customIdsOf(opened)).toEqual(expect.arrayContaining(['review-export:html:' + session.id, 'review-export:json:' + session.id]));

    const exported = await settled(h, h.fake.click(h.admin, opened, `review-export:html:${session.id}`));
    expect(exported.ephemeral).toBe(true);
    const [file] = filesOf(exported);
    expect(file?.filename).toMatch(/\.html$/);
    const html = fileText(file);
    expect(html).toContain('I understand how annoying this is.');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img src=x/);
    // the attachment travelled in the multipart body of the request that answered the click
    const upload = h.fake.requests.find((request) => request.files.some((f) => f.filename === file?.filename));
    expect(upload?.path).toMatch(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);

    for (const [format, check] of [
      [
        'markdown',
        (body: string) => {
          expect(body).toContain('I understand how annoying this is.');
        },
      ],
      [
        'csv',
        (body: string) => {
          expect(body.split('\r\n').length).toBeGreaterThan(2);
        },
      ],
      [
        'json',
        (body: string) => {
          expect((JSON.parse(body) as { sessions: Array<{ session: { id: string } }> }).sessions[0]!.session.id).toBe(session.id);
        },
      ],
    ] as const) {
      const answer = await settled(h, h.fake.click(h.admin, opened, `review-export:${format}:${session.id}`));
      check(fileText(filesOf(answer)[0]));
    }
  });

  it('attaches a transcript too long for one message as Markdown, keeping every message within Discord’s limits', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const template = await practise(h, trainee, ['I am sorry, let me help.']);
    const base = template.exchanges[0]!;
    const lines = Array.from({ length: 16 }, (_, n) => ({
      ...template.lines[0]!,
      n,
      text: `Customer line number ${n + 1}, complaining at length. `.repeat(4),
    }));
    const exchanges = lines.map((line) => ({
      ...base,
      lineN: line.n,
      reply: `Reply ${line.n + 1}: ${'I understand and I will sort this out for you today. '.repeat(8)}`,
    }));
    const long = await seedCopy(h, template, { lines, exchanges, turns: exchanges.length });

    const opened = await settled(h, h.fake.slash(h.admin, 'transcripts', { options: { session: long.id } }));
    expect(contentOf(opened)).toBe(text.longTranscript);
    const markdown = fileText(filesOf(opened)[0]);
    expect(filesOf(opened)[0]?.filename).toMatch(/\.md$/);
    expect(markdown).toContain('Reply 16:');
    for (const { body } of h.fake.outgoingMessages()) {
      const embeds = (body['embeds'] as APIEmbed[] | undefined) ?? [];
      expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(6000);
      expect(embeds.length).toBeLessThanOrEqual(10);
    }
  });

  it('pages with Previous and Next, newest first', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const template = await practise(h, trainee, ['I am sorry, let me help.']);
    for (let day = 1; day <= 11; day++) {
      const at = new Date(Date.UTC(2026, 0, day)).toISOString();
      await seedCopy(h, template, { createdAt: at, updatedAt: at });
    }
    const first = await settled(h, h.fake.slash(h.admin, 'transcripts'));
    expect(embedsOf(first)[0]?.footer?.text).toBe(text.listPage(1, 2, 12));
    expect(selectValues(first, 'review-open')).toHaveLength(10);
    const next = customIdsOf(first).find((id) => id.startsWith('review-page:2:'));
    expect(next).toBeDefined();
    const click = h.fake.click(h.admin, first, next!);
    const second = await h.fake.waitFor(() => {
      const message = h.fake.message(String(first.payload['id']));
      return message && embedsOf(message)[0]?.footer?.text === text.listPage(2, 2, 12) ? message : undefined;
    });
    expect(click.callback?.type).toBe(7); // the list message itself is updated
    expect(selectValues(second, 'review-open')).toHaveLength(2);
    expect(embedsOf(second)[0]?.description).toContain('2026-01-01');
  });

  it('refuses a trainee another member’s transcript by command, select and export button, forged ids included', async () => {
    const owner = h.fake.member(h.guild, { username: 'owner' });
    const other = h.fake.member(h.guild, { username: 'other' });
    const secret = 'My very private reply about the card.';
    const theirs = await practise(h, owner, [secret]);
    const mine = await practise(h, other, ['I hear you, let me look at it.']);
    const refused = en.errors.notYourSession;

    const byMember = await settled(h, h.fake.slash(other, 'transcripts', { options: { member: { type: 'user', id: owner.user.id } } }));
    expect(contentOf(byMember)).toBe(refused);
    const byId = await settled(h, h.fake.slash(other, 'transcripts', { options: { session: theirs.id } }));
    expect(contentOf(byId)).toBe(refused);

    const own = await settled(h, h.fake.slash(other, 'transcripts'));
    expect(selectValues(own, 'review-open')).toEqual([mine.id]);
    const forgedSelect = await settled(h, h.fake.select(other, own, 'review-open', [theirs.id]));
    expect(contentOf(forgedSelect)).toBe(refused);
    for (const format of ['html', 'markdown', 'csv', 'json']) {
      const forgedExport = await settled(h, h.fake.click(other, own, `review-export:${format}:${theirs.id}`));
      expect(contentOf(forgedExport)).toBe(refused);
      expect(filesOf(forgedExport)).toEqual([]);
    }
    const forgedPage = await settled(h, h.fake.click(other, own, `review-page:1:${owner.user.id}:-:-:-`));
    expect(contentOf(forgedPage)).toBe(refused);

    // nothing any answer to this trainee carries the owner's words, in a message or a file
    const answers = [byMember, byId, own, forgedSelect, forgedPage];
    for (const answer of answers) {
      expect(JSON.stringify(answer.payload)).not.toContain(secret);
      expect(
        filesOf(answer)
          .map((file) => file.data.toString())
          .join(''),
      ).not.toContain(secret);
    }
  });

  it('exports a group session’s results for a trainer, and not for a trainee', async () => {
    const a = h.fake.member(h.guild, { username: 'a' });
    const b = h.fake.member(h.guild, { username: 'b' });
    const template = await practise(h, a, ['I am sorry, I will fix it.']);
    const groupId = '3f1c2a10-1111-4222-8333-444455556666';
    await seedCopy(h, template, { groupId });
    await seedCopy(h, { ...template, userId: b.user.id }, { groupId });

    const list = await settled(h, h.fake.slash(h.admin, 'transcripts', { options: { session: groupId } }));
    expect(selectValues(list, 'review-open')).toHaveLength(2);
    expect(customIdsOf(list)).toContain(`review-group-export:html:${groupId}`);
    const exported = await settled(h, h.fake.click(h.admin, list, `review-group-export:json:${groupId}`));
    const report = JSON.parse(fileText(filesOf(exported)[0])) as { kind: string; sessions: Array<{ session: { userId: string } }> };
    expect(report.kind).toBe('group');
    expect(report.sessions.map((s) => s.session.userId).sort()).toEqual([a.user.id, b.user.id].sort());

    const trainee = await settled(h, h.fake.click(a, list, `review-group-export:html:${groupId}`));
    expect(contentOf(trainee)).toBe(en.errors.notYourSession);
    expect(filesOf(trainee)).toEqual([]);
    // a trainee listing the group sees only their own practice in it
    const ownList = await settled(h, h.fake.slash(b, 'transcripts', { options: { session: groupId } }));
    expect(selectValues(ownList, 'review-open')).toHaveLength(1);
    expect(customIdsOf(ownList).some((id) => id.startsWith('review-group-export'))).toBe(false);
  });
});
