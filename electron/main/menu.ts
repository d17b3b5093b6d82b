// The application menu: standard roles (so shortcuts, localisation of system
// items and macOS conventions come from Electron), Go back/forward through the
// reader's history, and Help → About with the source attribution. Labels in
// Japanese or English following the reader's language preference; every
// string of the shell's menu is here. Built as a plain template so that its
// shape is unit-tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../common/api/types';

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

const STRINGS = {
  ja: {
    file: 'ファイル',
    edit: '編集',
    view: '表示',
    go: '移動',
    window: 'ウインドウ',
    help: 'ヘルプ',
    back: '戻る',
    forward: '進む',
    about: (name: string) => `${name} について`,
    undo: '取り消す',
    redo: 'やり直す',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    selectAll: 'すべてを選択',
    resetZoom: '実際のサイズ',
    zoomIn: '拡大',
    zoomOut: '縮小',
    fullScreen: 'フルスクリーン',
    reload: '再読み込み',
    devTools: '開発者ツール',
    minimize: '最小化',
    close: '閉じる',
    quit: '終了',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    go: 'Go',
    window: 'Window',
    help: 'Help',
    back: 'Back',
    forward: 'Forward',
    about: (name: string) => `About ${name}`,
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    reload: 'Reload',
    devTools: 'Developer Tools',
    minimize: 'Minimize',
    close: 'Close Window',
    quit: 'Quit',
  },
} as const;

export function buildMenuTemplate(
  options: MenuOptions,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const t = STRINGS[options.language];
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
    title: ja ? `${info.productName} について` : `About ${info.productName}`,
    message: `${info.productName} ${info.version}`,
    detail: [
      info.source,
      info.attribution,
      '',
      ja ? info.editingNote.ja : info.editingNote.en,
      '',
      ja
        ? '経済産業省ウェブサイトの利用規約に基づき、出典を明記し、加工したことを示しています。'
        : "Reused under the METI website's terms of use, which require naming the source and stating the editing.",
    ].join('\n'),
  };
}
