import { describe, expect, it, vi } from 'vitest';
import { createTray } from '../../../src-main/electron/tray';
import { createFakeElectron } from '../../support/fake-electron';

function setup(locale: string) {
  const electron = createFakeElectron();
  const onShow = vi.fn();
  const onQuit = vi.fn();
  createTray({ Tray: electron.Tray, Menu: electron.Menu, nativeImage: electron.nativeImage, locale, onShow, onQuit });
  const fake = electron.trays[0];
  if (!fake?.menu) throw new Error('no tray with a menu was created');
  return { fake, menu: fake.menu, onShow, onQuit };
}

describe('tray', () => {
  it('has Show and Quit, wired to the window and to quitting', () => {
    const { menu, onShow, onQuit } = setup('en-US');
    expect(menu.items.map((i) => i.label)).toEqual(['Show CS Workspace', 'Quit']);
    menu.item('Show CS Workspace').click();
    expect(onShow).toHaveBeenCalledOnce();
    expect(onQuit).not.toHaveBeenCalled();
    menu.item('Quit').click();
    expect(onQuit).toHaveBeenCalledOnce();
  });

  it('speaks Polish on a Polish system', () => {
    const { menu } = setup('pl-PL');
    expect(menu.items.map((i) => i.label)).toEqual(['Pokaż CS Workspace', 'Zakończ']);
  });

  it('shows the window on a click on the icon and has an icon and a tooltip', () => {
    const { fake, onShow } = setup('en');
    fake.emit('click');
    expect(onShow).toHaveBeenCalledOnce();
    expect(fake.toolTip).toBe('CS Workspace');
    expect(String(fake.image)).toMatch(/^data:image\/png;base64,/);
  });
});
