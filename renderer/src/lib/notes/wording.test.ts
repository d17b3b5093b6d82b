import { describe, expect, it } from 'vitest';
import { translate } from '../../../../electron/common/i18n/format';
import { highlight } from '../testing/fixtures';
import { deletedMessage, editorTitle, savedMessage } from './wording';

const bare = highlight({ note: '' });
const noted = highlight({ note: '後で読む' });
const blank = highlight({ note: '  \n ' });
const section = highlight({ kind: 'section-note', target: null, note: '節全体について' });

describe('the words after a change', () => {
  it('says a highlight was deleted, not a note, when it had no note', () => {
    expect(translate('ja', deletedMessage(bare))).toBe('ハイライトを削除しました');
    expect(translate('en', deletedMessage(bare))).toBe('Highlight deleted');
    expect(deletedMessage(blank)).toBe('highlightDeleted');
  });

  it('names both when the highlight carried a note, and the note alone for a section note', () => {
    expect(translate('ja', deletedMessage(noted))).toBe('ハイライトとメモを削除しました');
    expect(translate('en', deletedMessage(noted))).toBe('Highlight and note deleted');
    expect(translate('ja', deletedMessage(section))).toBe('メモを削除しました');
    expect(translate('en', deletedMessage(section))).toBe('Note deleted');
  });

  it('words a save the same way', () => {
    expect(translate('ja', savedMessage(bare))).toBe('ハイライトを保存しました');
    expect(translate('ja', savedMessage(noted))).toBe('ハイライトとメモを保存しました');
    expect(translate('ja', savedMessage(section))).toBe('メモを保存しました');
    expect(translate('en', savedMessage(bare))).toBe('Highlight saved');
  });

  it('titles the editor by what it edits', () => {
    expect(translate('ja', editorTitle('new'))).toBe('ハイライトとメモ');
    expect(translate('ja', editorTitle(bare))).toBe('ハイライトを編集');
    expect(translate('ja', editorTitle(noted))).toBe('ハイライトとメモを編集');
    expect(translate('ja', editorTitle(section))).toBe('項目へのメモ');
    expect(translate('ja', editorTitle('section'))).toBe('項目へのメモ');
  });
});
