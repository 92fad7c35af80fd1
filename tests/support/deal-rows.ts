import { toRow } from '../../src-renderer/db/index-fields';

/** Synced deal rows as a pull would store them: `Deal <id>`, amount 10, created on 1 January 2026. */
export const dealRows = (ids: readonly string[]) =>
  ids.map((id) =>
    toRow('deals', {
      id,
      properties: { dealname: `Deal ${id}`, amount: '10' },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      archived: false,
    }),
  );
