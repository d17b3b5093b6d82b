// Every string of the interface, in one place: Japanese first (the default), English
// beside it. Components never hold literal UI text; they ask `t(key)` from
// ./state/i18n.svelte.ts, which follows the language preference. Placeholders are
// written {name} and filled by `format`.
import type { Language } from '../../../electron/common/api/types';

const ja = {
  appName: '白書リーダー',
  loading: '読み込み中…',
  loadFailed: '読み込めませんでした：{message}',
  retry: '再試行',

  // landmarks and regions
  outline: '目次',
  outlineRegion: '目次',
  readingRegion: '本文',
  searchRegion: '検索',
  sidePanel: 'サイドパネル',
  toolbar: '表示設定',

  // top bar
  toggleOutline: '目次を表示／隠す',
  togglePanel: 'サイドパネルを表示／隠す',
  searchPlaceholder: '本文を検索（Ctrl+F）',
  searchLabel: '本文を検索',
  clearSearch: '検索語を消去',
  horizontal: '横書き',
  vertical: '縦書き',
  writingMode: '組方向',
  theme: 'テーマ',
  themeSystem: '自動',
  themeLight: 'ライト',
  themeDark: 'ダーク',
  themeSepia: 'セピア',
  fontSmaller: '文字を小さく',
  fontLarger: '文字を大きく',
  fontSize: '文字サイズ {size}px',
  fontSerif: '明朝',
  fontSans: 'ゴシック',
  fontFamily: '書体',
  fontToSerif: '書体を明朝にする',
  fontToSans: '書体をゴシックにする',
  languageSwitch: 'English',
  languageSwitchLabel: 'Switch the interface to English',
  help: 'ヘルプ',
  helpLabel: 'ヘルプと情報',

  // outline
  editorialHeading: '編集部による見出し',
  expand: '{title} を開く',
  collapse: '{title} を閉じる',
  outlineResize: '目次の幅を変更',

  // reading pane
  breadcrumb: '現在位置',
  prevSection: '前の項目',
  nextSection: '次の項目',
  prevShort: '前へ',
  nextShort: '次へ',
  noPrev: '最初の項目です',
  noNext: '最後の項目です',
  contents: 'この項目の内容',
  emptySection: 'この見出しの下に本文はありません。次の項目へ進んでください。',
  sectionNotFound: '項目が見つかりません：{id}',

  // hits in the text
  hitBarRegion: '本文中の一致',
  hitBar: '「{query}」 {current}／{total} 件目',
  hitBarNone: '「{query}」はこの項目にありません',
  prevHit: '前の一致（Shift+F3）',
  nextHit: '次の一致（F3）',
  clearHits: '強調表示を消す',

  // side panel
  tabResults: '検索結果',
  tabBookmarks: 'しおり',
  tabNotes: 'メモ',
  closePanel: 'パネルを閉じる',
  resultsCount: '「{query}」 {sections} 項目・{hits} 件',
  hitCount: '{hits} 件',
  hitCountLabel: '{hits} 件の一致',
  noResults: '「{query}」は見つかりませんでした。',
  noResultsHint: '語を減らすか、別の言い方で検索してください。',
  searchHint: '語を入力すると、結果がここに表示されます。',
  searching: '検索中…',
  searchFailed: '検索できませんでした：{message}',
  resultsList: '検索結果一覧',
  noBookmarks: 'しおりはまだありません。読んでいる項目で ☆（Ctrl+D）を押すと追加されます。',
  bookmarkOrder: '並び順',
  orderDocument: '本文順',
  orderDate: '追加順',
  bookmarkLabel: 'しおりの名前',
  bookmarkGone: 'この項目は現在の本文にありません',
  rename: '名前を変更',
  renameBookmark: '「{title}」の名前を変更',
  delete: '削除',
  deleteBookmark: '「{title}」を削除',
  bookmarkDeleted: 'しおり「{title}」を削除しました',
  addBookmark: 'この項目にしおりを挟む（Ctrl+D）',
  removeBookmark: 'この項目のしおりを外す（Ctrl+D）',
  bookmarkAdded: 'しおりを挟みました',
  bookmarkRemoved: 'しおりを外しました',
  undo: '元に戻す',
  noticesTitle: 'お知らせ',
  dismiss: '閉じる',
  notesUnavailable: 'メモはこの版ではまだ使えません。',
  noteHit: 'メモ',

  // copy with citation
  copyCitation: 'コピー時に出典を付ける',
  citationPrefix: '出典：',
  copied: '出典付きでコピーしました',

  // help dialog
  aboutTitle: 'このアプリについて',
  aboutBody:
    '経済産業省『通商白書2023』の米国・カナダに関する章を、ネットワークなしで読み、検索するためのリーダーです。',
  attributionHeading: '出典',
  attributionFallback: '「通商白書2023」（経済産業省）を加工して作成',
  attributionNote:
    '本文は PDF から抽出したテキストを整形・再構成したものです（誤字を含め、著者の文言は変えていません）。',
  sourceLabel: '原典',
  shortcutsHeading: 'キーボード操作',
  shortcutSearch: '検索欄へ移動',
  shortcutSections: '前／次の項目',
  shortcutHits: '次／前の一致',
  shortcutResults: '検索結果の移動・開く・検索欄へ戻る',
  shortcutEscape: '検索欄で：パネルを閉じる',
  shortcutScroll: '本文のスクロール（縦書きでは読む方向へ）',
  close: '閉じる',
} as const;

export type MessageKey = keyof typeof ja;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  appName: 'Hakusho Reader',
  loading: 'Loading…',
  loadFailed: 'Could not load: {message}',
  retry: 'Retry',

  outline: 'Contents',
  outlineRegion: 'Contents',
  readingRegion: 'Text',
  searchRegion: 'Search',
  sidePanel: 'Side panel',
  toolbar: 'Display settings',

  toggleOutline: 'Show or hide the contents',
  togglePanel: 'Show or hide the side panel',
  searchPlaceholder: 'Search the text (Ctrl+F)',
  searchLabel: 'Search the text',
  clearSearch: 'Clear the search',
  horizontal: 'Horizontal',
  vertical: 'Vertical',
  writingMode: 'Writing direction',
  theme: 'Theme',
  themeSystem: 'Auto',
  themeLight: 'Light',
  themeDark: 'Dark',
  themeSepia: 'Sepia',
  fontSmaller: 'Smaller text',
  fontLarger: 'Larger text',
  fontSize: 'Text size {size}px',
  fontSerif: 'Serif',
  fontSans: 'Sans',
  fontFamily: 'Typeface',
  fontToSerif: 'Use the serif typeface',
  fontToSans: 'Use the sans-serif typeface',
  languageSwitch: '日本語',
  languageSwitchLabel: '表示を日本語にする',
  help: 'Help',
  helpLabel: 'Help and about',

  editorialHeading: 'Heading added by the editors',
  expand: 'Expand {title}',
  collapse: 'Collapse {title}',
  outlineResize: 'Resize the contents',

  breadcrumb: 'You are here',
  prevSection: 'Previous section',
  nextSection: 'Next section',
  prevShort: 'Previous',
  nextShort: 'Next',
  noPrev: 'This is the first section',
  noNext: 'This is the last section',
  contents: 'In this section',
  emptySection: 'No text under this heading. Go on to the next section.',
  sectionNotFound: 'Section not found: {id}',

  hitBarRegion: 'Matches in the text',
  hitBar: '“{query}” {current} of {total}',
  hitBarNone: '“{query}” does not occur in this section',
  prevHit: 'Previous match (Shift+F3)',
  nextHit: 'Next match (F3)',
  clearHits: 'Clear highlighting',

  tabResults: 'Results',
  tabBookmarks: 'Bookmarks',
  tabNotes: 'Notes',
  closePanel: 'Close the panel',
  resultsCount: '“{query}”: {hits} matches in {sections} sections',
  hitCount: '{hits}',
  hitCountLabel: '{hits} matches',
  noResults: 'No results for “{query}”.',
  noResultsHint: 'Try fewer words, or other words.',
  searchHint: 'Type to search; results appear here.',
  searching: 'Searching…',
  searchFailed: 'Search failed: {message}',
  resultsList: 'Search results',
  noBookmarks: 'No bookmarks yet. Press ☆ (Ctrl+D) on the section you are reading to add one.',
  bookmarkOrder: 'Order',
  orderDocument: 'Document',
  orderDate: 'Added',
  bookmarkLabel: 'Bookmark name',
  bookmarkGone: 'This section is not in the current text',
  rename: 'Rename',
  renameBookmark: 'Rename “{title}”',
  delete: 'Delete',
  deleteBookmark: 'Delete “{title}”',
  bookmarkDeleted: 'Bookmark “{title}” deleted',
  addBookmark: 'Bookmark this section (Ctrl+D)',
  removeBookmark: 'Remove the bookmark of this section (Ctrl+D)',
  bookmarkAdded: 'Bookmarked',
  bookmarkRemoved: 'Bookmark removed',
  undo: 'Undo',
  noticesTitle: 'Notice',
  dismiss: 'Dismiss',
  notesUnavailable: 'Notes are not available in this build yet.',
  noteHit: 'Note',

  copyCitation: 'Add the source when copying',
  citationPrefix: '出典：',
  copied: 'Copied with the source',

  aboutTitle: 'About',
  aboutBody:
    'A reader for the United States and Canada chapter of the METI White Paper on International Economy and Trade 2023 (通商白書2023), for reading and searching with no network.',
  attributionHeading: 'Source',
  attributionFallback: '「通商白書2023」（経済産業省）を加工して作成',
  attributionNote:
    'The text was extracted from the PDF, cleaned and restructured; the authors’ words are unchanged (typos included).',
  sourceLabel: 'Source document',
  shortcutsHeading: 'Keyboard',
  shortcutSearch: 'Go to the search field',
  shortcutSections: 'Previous / next section',
  shortcutHits: 'Next / previous match',
  shortcutResults: 'Move in the results, open, back to the field',
  shortcutEscape: 'In the search field: close the panel',
  shortcutScroll: 'Scroll the text (in vertical writing, along the reading direction)',
  close: 'Close',
};

export const messages: Record<Language, Messages> = { ja, en };

/** Fills {name} placeholders; unknown placeholders stay visible rather than vanish. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translate(
  language: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  return format(messages[language][key], params);
}
