// The menu's shape: standard roles with their shortcuts, Go back/forward on
// keys the reader does not use, Help → About on every platform.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutText, buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const actions = () => ({ goBack: vi.fn(), goForward: vi.fn(), showAbout: vi.fn() });

describe('buildMenuTemplate', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has the standard roles on ${platform}`, () => {
      const items = flatten(
        buildMenuTemplate(
          { platform, language: 'ja', developer: false, productName: 'Hakusho Reader' },
          actions(),
        ),
      );
      const roles = items.map((i) => i.role).filter(Boolean);
      for (const role of [
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'resetZoom',
        'zoomIn',
        'zoomOut',
        'togglefullscreen',
        'minimize',
        'close',
        'quit',
      ]) {
        expect(roles, role).toContain(role);
      }
      expect(roles).not.toContain('toggleDevTools');
      expect(items.some((i) => i.label === 'Hakusho Reader について')).toBe(true);
    });
  }

  it('wires Go back/forward and About to the actions', () => {
    const a = actions();
    const items = flatten(
      buildMenuTemplate(
        { platform: 'linux', language: 'en', developer: true, productName: 'X' },
        a,
      ),
    );
    const back = items.find((i) => i.id === 'back')!;
    const forward = items.find((i) => i.id === 'forward')!;
    expect([back.label, back.accelerator, forward.accelerator]).toEqual([
      'Back',
      'CmdOrCtrl+[',
      'CmdOrCtrl+]',
    ]);
    (back.click as () => void)();
    (forward.click as () => void)();
    (items.find((i) => i.id === 'about')!.click as () => void)();
    expect([a.goBack.mock.calls.length, a.goForward.mock.calls.length]).toEqual([1, 1]);
    expect(a.showAbout).toHaveBeenCalledTimes(1);
    expect(items.map((i) => i.role)).toContain('toggleDevTools');
    // Alt+arrows belong to the reader's previous/next section.
    expect(items.map((i) => i.accelerator).filter((k) => k && /Alt\+(Left|Right)/.test(k))).toEqual(
      [],
    );
  });
});

describe('aboutText', () => {
  it('names the source and states the editing', () => {
    const text = aboutText({
      productName: 'Hakusho Reader',
      version: '0.1.0',
      source: '出典：「通商白書2023」（経済産業省）',
      attribution: '「通商白書2023」（経済産業省）を加工して作成',
      editingNote: { ja: '加工しています。', en: 'Edited.' },
      language: 'ja',
    });
    expect(text.message).toBe('Hakusho Reader 0.1.0');
    expect(text.detail).toContain('出典：「通商白書2023」（経済産業省）');
    expect(text.detail).toContain('を加工して作成');
  });
});
