import { describe, expect, it } from 'vitest';
import { createAppUrl } from '../../../src-main/electron/app-url';
import { applySecurity, CONTENT_SECURITY_POLICY } from '../../../src-main/electron/security';
import { createFakeElectron, fakeEvent } from '../../support/fake-electron';

const baseDir = '/opt/cs-workspace/out/main';
const APP_PAGE = 'app://cs-workspace/index.html';

function setup(opts: { devServerUrl?: string } = {}) {
  const electron = createFakeElectron();
  const logs: string[] = [];
  applySecurity({
    app: electron.app,
    session: electron.session.defaultSession,
    shell: electron.shell,
    appUrl: createAppUrl({ devServerUrl: opts.devServerUrl, baseDir }),
    log: (line) => logs.push(line),
  });
  // Any WebContents Electron creates goes through web-contents-created; a window is one.
  const contents = new electron.BrowserWindow({}).webContents;
  const navigate = (url: string) => {
    const event = fakeEvent({ url });
    contents.emit('will-navigate', event);
    return event.defaultPrevented ? 'prevented' : 'allowed';
  };
  return { electron, contents, navigate, session: electron.session.defaultSession };
}

describe('Content-Security-Policy', () => {
  it('is the strict policy the renderer is built for', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('is added to every response and replaces a weaker one whatever its header case', () => {
    const { session } = setup();
    const answer = session.respond({
      url: 'http://localhost:5173/',
      responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] },
    });
    expect(answer.responseHeaders).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(session.respond({ url: 'http://localhost:5173/x.js' }).responseHeaders).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('navigation', () => {
  it('stays on the built app page and refuses anything else', () => {
    const { navigate } = setup();
    expect(navigate(APP_PAGE)).toBe('allowed');
    expect(navigate(`${APP_PAGE}#/tasks`)).toBe('allowed');
    expect(navigate('https://evil.example/')).toBe('prevented');
    expect(navigate('file:///etc/passwd')).toBe('prevented');
    expect(navigate('file:///opt/elsewhere/index.html')).toBe('prevented');
    expect(navigate('file:///opt/cs-workspace/out/renderer/index.html')).toBe('prevented');
    expect(navigate('app://cs-workspace/assets/index.js')).toBe('allowed');
    expect(navigate('app://cs-workspace.evil/index.html')).toBe('prevented');
    expect(navigate('app://other/index.html')).toBe('prevented');
    expect(navigate('not a url')).toBe('prevented');
  });

  it('in dev, allows the dev server origin only', () => {
    const { navigate } = setup({ devServerUrl: 'http://localhost:5173' });
    expect(navigate('http://localhost:5173/#/feed')).toBe('allowed');
    expect(navigate('http://localhost:5174/')).toBe('prevented');
    expect(navigate(APP_PAGE)).toBe('prevented');
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = setup();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('window.open', () => {
  it('never opens a window; https links go to the system browser', () => {
    const { contents, electron } = setup();
    expect(contents.open('https://app.hubspot.com/contacts/1')).toEqual({ action: 'deny' });
    expect(electron.shell.opened).toEqual(['https://app.hubspot.com/contacts/1']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'http://example.com/', 'https://user:pw@evil.example/', 'smb://share/x'])(
    'does not hand %s to the OS',
    (url) => {
      const { contents, electron } = setup();
      expect(contents.open(url)).toEqual({ action: 'deny' });
      expect(electron.shell.opened).toEqual([]);
    },
  );
});

describe('permissions', () => {
  it('grants notifications and denies everything else', () => {
    const { session } = setup();
    expect(session.requestPermission('notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'unknown']) {
      expect(session.requestPermission(permission), permission).toBe(false);
      expect(session.permissionCheck?.(null, permission), permission).toBe(false);
    }
    expect(session.permissionCheck?.(null, 'notifications')).toBe(true);
  });
});
