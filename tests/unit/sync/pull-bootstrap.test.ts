import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TUNING, type SyncContext } from '../../../shared/sync/context';
import type { CrmRequest, CrmResult } from '../../../shared/sync/ports';
import { bootstrapType } from '../../../shared/sync/pull-bootstrap';

const NOT_CONNECTED: CrmResult = { ok: false, error: { code: 'NOT_CONNECTED', message: 'No CRM is connected.' } };

/**
 * The host disconnects in the middle of a first load: the records read for the first list
 * page fails at once, while the next list page is still on its way (and fails later).
 */
function disconnectedMidway(): SyncContext {
  const crm = {
    request: async (req: CrmRequest): Promise<CrmResult> => {
      if (req.method === 'GET' && req.query?.after === undefined) {
        const results = Array.from({ length: 100 }, (_, i) => ({ id: String(i + 1), properties: {}, createdAt: '', updatedAt: '', archived: false }));
        return { ok: true, data: { status: 200, headers: {}, body: { results, paging: { next: { after: '100', link: '' } } } } };
      }
      if (req.method === 'GET') await new Promise((resolve) => setTimeout(resolve, 30));
      return NOT_CONNECTED;
    },
  };
  return {
    crm,
    store: {} as SyncContext['store'],
    tuning: DEFAULT_TUNING,
    now: () => 0,
    progress: () => {},
    checkpoint: () => {},
  };
}

describe('a first load cut off by a disconnect', () => {
  const unhandled: unknown[] = [];
  const note = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', note);
  });
  afterEach(() => {
    process.off('unhandledRejection', note);
  });

  it('fails the pass with the CRM’s reason and leaves no read failing unheard (the page reports those as errors)', async () => {
    await expect(
      bootstrapType(disconnectedMidway(), 'companies', ['name'], { objectType: 'companies', mode: 'bootstrap', fenceMs: 0, done: 0 }),
    ).rejects.toThrow('No CRM is connected.');
    // Unhandled rejections are reported on the next turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
