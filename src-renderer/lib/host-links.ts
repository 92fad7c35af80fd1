import type { Router } from 'vue-router';
import { deepLinkRoute, type HostApi } from '../../shared/contract';

/**
 * The one way the host opens something in the page: a notification's click, a
 * `cs-workspace://` link, a reminder clicked while the page was loading (its route comes with
 * `reminders:takeActions`). Each is a workspace route; the tab it names does the rest (the Tasks
 * tab reads `?task=` and `?view=`, the Portfolio tab `?record=`).
 */
export function openRoute(router: Pick<Router, 'push'>, target: string): Promise<unknown> {
  return router.push(target);
}

/** Follows the host's notification clicks and deep links for the life of the page. */
export function followHostLinks(host: Pick<HostApi, 'on'>, router: Pick<Router, 'push'>): () => void {
  const stops = [
    host.on('onDidClickNotification', ({ target }) => {
      if (target) void openRoute(router, target);
    }),
    host.on('onDidOpenLink', (link) => void openRoute(router, deepLinkRoute(link))),
  ];
  return () => stops.forEach((stop) => stop());
}
