import { DEEP_LINK_SCHEME, deepLinkInArgv, parseDeepLink, type DeepLink } from '../../shared/contract';
import type { PreventableEvent } from './events';

/** The slice of Electron's app that receives our links. */
export interface DeepLinkApp {
  readonly isPackaged: boolean;
  setAsDefaultProtocolClient(protocol: string): boolean;
  /** macOS hands a link to the running app (or the one it starts) this way. */
  on(event: 'open-url', listener: (event: PreventableEvent, url: string) => void): unknown;
}

export interface DeepLinkDeps {
  app: DeepLinkApp;
  /** The first launch's command line: Windows and Linux start the app with the link in it. */
  argv: readonly string[];
  log: (line: string) => void;
}

/**
 * `cs-workspace://` links from the OS: `open-url` (macOS), the command line of the first
 * launch and of a second one (`second-instance`, Windows and Linux). Each is checked by the one
 * parser (shared/contract/deep-link.ts); a refused link is logged by its reason only and
 * nothing opens. Links that come before the window can take them wait for `attach`.
 * Registered before ready: macOS may send `open-url` while the app is still starting.
 */
export function watchDeepLinks(deps: DeepLinkDeps) {
  let deliver: ((link: DeepLink) => void) | null = null;
  let early: DeepLink | null = null;

  const receive = (url: string, from: string) => {
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      deps.log(`deep link refused (${from}): ${parsed.reason}`);
      return;
    }
    deps.log(`deep link (${from}): ${parsed.link.kind}`);
    if (deliver) deliver(parsed.link);
    else early = parsed.link;
  };

  deps.app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url, 'open-url');
  });
  const first = deepLinkInArgv(deps.argv);
  if (first) receive(first, 'launch');

  // A development run (`electron .`) would register the bare Electron binary as the handler.
  if (!deps.app.isPackaged) deps.log(`${DEEP_LINK_SCHEME}:// is not registered with the OS in a development run`);
  else if (!deps.app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)) deps.log(`${DEEP_LINK_SCHEME}:// could not be registered with the OS`);

  return {
    /** A second launch's command line (`second-instance`). */
    fromArgv(argv: readonly string[]) {
      const url = deepLinkInArgv(argv);
      if (url) receive(url, 'second launch');
    },
    /**
     * From now on links go to `open`; one that came while starting goes to `openAtStart`
     * (the page is still loading, so it takes it when it starts).
     */
    attach(open: (link: DeepLink) => void, openAtStart: (link: DeepLink) => void) {
      deliver = open;
      if (early) openAtStart(early);
      early = null;
    },
  };
}
