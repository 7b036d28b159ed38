import { describe, expect, it } from 'vitest';
import { canCalibrate, canViewSession } from '../../src/reports/access.js';

describe('access to transcripts', () => {
  const session = { userId: 'anna', guildId: 'g1' };

  it('lets a trainee see only their own sessions', () => {
    expect(canViewSession({ userId: 'anna', roles: 'trainee' }, session)).toBe(true);
    expect(canViewSession({ userId: 'ben', roles: 'trainee' }, session)).toBe(false);
  });

  it('lets trainers and managers see every session of their server, but not another server’s', () => {
    expect(canViewSession({ userId: 'tom', roles: 'trainer', guildId: 'g1' }, session)).toBe(true);
    expect(canViewSession({ userId: 'mia', roles: ['trainee', 'manager'] }, session)).toBe(true);
    expect(canViewSession({ userId: 'tom', roles: 'trainer', guildId: 'g2' }, session)).toBe(false);
    expect(canViewSession({ userId: 'anna', roles: 'trainee', guildId: 'g2' }, session)).toBe(false);
  });

  it('leaves calibration to trainers', () => {
    expect(canCalibrate({ userId: 'tom', roles: 'trainer' })).toBe(true);
    expect(canCalibrate({ userId: 'mia', roles: 'manager' })).toBe(false);
  });
});
