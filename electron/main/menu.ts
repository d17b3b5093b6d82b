// The application menu: standard roles (so shortcuts, localisation of system
// items and macOS conventions come from Electron), Go back/forward through the
// reader's history, and Help → About with the source attribution. Labels in
// Japanese or English following the reader's language preference, from the same
// string table as the renderer. Built as a plain template so that its
// shape is unit-tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../common/api/types';
import { translate } from '../common/i18n/format';
import type { MessageKey } from '../common/i18n/messages';

export interface MenuActions {
  goBack(): void;
  goForward(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  language: Language;
  /** Developer items (reload, devtools) in a checkout only. */
  developer: boolean;
  productName: string;
}

/** The menu's words, from the app's one string table (electron/common/i18n). */
function menuStrings(language: Language) {
  const tr = (key: MessageKey) => translate(language, key);
  return {
    file: tr('menuFile'),
    edit: tr('menuEdit'),
    view: tr('menuView'),
    go: tr('menuGo'),
    window: tr('menuWindow'),
    help: tr('menuHelp'),
    back: tr('menuBack'),
    forward: tr('menuForward'),
    about: (name: string) => translate(language, 'menuAbout', { name }),
    undo: tr('menuUndo'),
    redo: tr('menuRedo'),
    cut: tr('menuCut'),
    copy: tr('menuCopy'),
    paste: tr('menuPaste'),
    selectAll: tr('menuSelectAll'),
    resetZoom: tr('menuResetZoom'),
    zoomIn: tr('menuZoomIn'),
    zoomOut: tr('menuZoomOut'),
    fullScreen: tr('menuFullScreen'),
    reload: tr('menuReload'),
    devTools: tr('menuDevTools'),
    minimize: tr('menuMinimize'),
    close: tr('menuClose'),
    quit: tr('menuQuit'),
  };
}

export function buildMenuTemplate(
  options: MenuOptions,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const t = menuStrings(options.language);
  const mac = options.platform === 'darwin';
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: t.about(options.productName),
    click: () => actions.showAbout(),
  };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.productName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  } else {
    template.push({ label: t.file, submenu: [{ role: 'quit', label: t.quit }] });
  }
  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  });
  template.push({
    label: t.view,
    submenu: [
      ...(options.developer
        ? ([
            { role: 'reload', label: t.reload },
            { role: 'toggleDevTools', label: t.devTools },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
    ],
  });
  // Alt+←/→ and [ ] belong to the reader (previous/next section), so history
  // uses the Cmd/Ctrl+[ ] pair on every platform.
  template.push({
    label: t.go,
    submenu: [
      { id: 'back', label: t.back, accelerator: 'CmdOrCtrl+[', click: () => actions.goBack() },
      {
        id: 'forward',
        label: t.forward,
        accelerator: 'CmdOrCtrl+]',
        click: () => actions.goForward(),
      },
    ],
  });
  template.push({
    label: t.window,
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: t.minimize },
      ...(mac ? ([{ role: 'zoom' }, { role: 'front' }] as MenuItemConstructorOptions[]) : []),
      { role: 'close', label: t.close },
    ],
  });
  template.push({ label: t.help, role: 'help', submenu: mac ? [] : [about] });
  if (mac) {
    // macOS keeps About in the application menu; Help still offers it.
    template[template.length - 1]!.submenu = [{ ...about, id: 'about-help' }];
  }
  return template;
}

/** The About box's text: product, version, 出典 and the editing statement (METI terms of use). */
export function aboutText(info: {
  productName: string;
  version: string;
  source: string;
  attribution: string;
  editingNote: { ja: string; en: string };
  language: Language;
}): { title: string; message: string; detail: string } {
  const ja = info.language === 'ja';
  return {
    title: translate(info.language, 'menuAbout', { name: info.productName }),
    message: `${info.productName} ${info.version}`,
    detail: [
      info.source,
      info.attribution,
      '',
      ja ? info.editingNote.ja : info.editingNote.en,
      '',
      translate(info.language, 'aboutTermsOfUse'),
    ].join('\n'),
  };
}
