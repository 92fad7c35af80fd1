import { validation } from '../http/errors';
import type { Router } from '../http/router';
import { checkFilterGroups, indexedView, matchesFilter, matchesQuery, parseSort, sortRecords } from '../store/search';
import type { CrmRecord } from '../store/types';
import type { Ctx } from './context';
import { OBJECTS } from './objects';
import { recordJson } from './serialize';
import { asObject } from './writes';

const RESULT_CAP = 10_000;

/** CRM search (docs/hubspot-api.md §4), including the index lag switch and the 10,000-result cap. */
export function searchRoutes(router: Router, ctx: Ctx): void {
  router.on(
    'POST',
    new RegExp(`^${OBJECTS}/([^/]+)/search$`),
    (req, [t = '']) => {
      const type = ctx.store.schema.resolveType(t);
      const body = asObject(req.body ?? {});
      const groups = checkFilterGroups(type, body.filterGroups);
      const sort = parseSort(type, body.sorts);
      const limit = body.limit === undefined ? 10 : Number(body.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw validation(`limit must be between 1 and 200, got ${String(body.limit)}`);
      const offset = body.after === undefined || body.after === null || body.after === '' ? 0 : Number(body.after);
      if (!Number.isInteger(offset) || offset < 0) throw validation(`Invalid after: ${String(body.after)}`);
      if (offset >= RESULT_CAP)
        throw validation(`Paging past ${RESULT_CAP} results is not supported. The search endpoints are limited to 10,000 total results for any given query.`);
      const query = typeof body.query === 'string' ? body.query : '';

      const lagOn = ctx.faults.state.searchLag.maxMs > 0;
      const mono = ctx.store.clock.mono();
      const rows: { record: CrmRecord; props: Record<string, string> }[] = [];
      for (const record of ctx.store.all(type.name)) {
        // A write younger than its lag is not indexed yet: search sees the record as it was.
        const seen = indexedView(record, mono, lagOn);
        if (!seen || seen.archived) continue;
        const { props } = seen;
        if (query && !matchesQuery(type, props, query)) continue;
        if (groups.length > 0 && !groups.some((g) => g.every((f) => matchesFilter(type, props, f)))) continue;
        rows.push({ record, props });
      }
      sortRecords(type, rows, sort);
      const page = rows.slice(offset, Math.min(offset + limit, RESULT_CAP));
      const properties = Array.isArray(body.properties) ? (body.properties as string[]) : undefined;
      const next = offset + limit;
      return {
        status: 200,
        body: {
          total: rows.length,
          results: page.map(({ record, props }) => recordJson(ctx.store, { ...record, props }, { properties, search: true })),
          ...(next < rows.length && next < RESULT_CAP ? { paging: { next: { after: String(next), link: '' } } } : {}),
        },
      };
    },
    'search',
  );
}
