import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../../../shared/contract';
import type { NotifyTask } from '../../../shared/notify';
import type { Notifier } from '../../../src-main/host/services';
import { createMainNotifications } from '../../../src-main/notify';
import type { z } from 'zod';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('the scheduler in the main process', () => {
  it('shows through the Notifier interface and keeps its record in a file across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csw-notify-'));
    dirs.push(dir);
    let now = T0;
    const shown: z.output<typeof NotificationRequest>[] = [];
    const notifier: Notifier = { show: async (n) => (shown.push(n), true) };
    const make = () =>
      createMainNotifications({
        notifier,
        recordPath: join(dir, 'notify.json'),
        timeZone: 'Europe/Warsaw',
        now: () => now,
        setTimer: () => 0,
        clearTimer: () => undefined,
      });
    const tasks: NotifyTask[] = [{ id: '9', subject: 'Call Acme', dueAt: T0 + 10 * MIN, reminders: [], completed: false }];

    const first = make();
    await first.start();
    await first.setTasks(tasks);
    now = T0 + 11 * MIN;
    await first.tick();
    expect(shown).toEqual([{ id: `9|due|${T0 + 10 * MIN}`, title: 'Call Acme', body: 'Task due now (09:10)', target: '/tasks?task=9' }]);
    first.stop();

    const second = make();
    await second.start();
    await second.setTasks(tasks);
    now = T0 + 12 * MIN;
    await second.tick();
    expect(shown).toHaveLength(1);
  });
});
