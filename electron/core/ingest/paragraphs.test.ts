import { describe, expect, it } from 'vitest';
import { isIndentedLine, isParagraphStart, stripParagraphIndent } from './paragraphs';

describe('paragraph starts (rule 2)', () => {
  it('opens a paragraph at a U+3000 after optional ASCII spaces', () => {
    expect(isParagraphStart('\u30002 年目を迎えたバイデン政権は、2022 年 8 月に、気')).toBe(true);
    expect(isParagraphStart(' \u3000過去半世紀にわたり、日米両国の製造業は国境を超')).toBe(true);
    expect(isParagraphStart('る CES を視察し、スタートアップ関係者等との意見')).toBe(false);
    expect(isParagraphStart(' ことを再確認した、半導体、輸出管理、デジタル経済、')).toBe(false);
    expect(isParagraphStart('2022 年 5月\u3000\uFFFD「半導体協力基本原則」を公表、半導')).toBe(
      false,
    );
  });

  it('removes the layout indent, and only one U+3000', () => {
    expect(stripParagraphIndent(' \u3000過去半世紀')).toBe('過去半世紀');
    expect(stripParagraphIndent('\u3000\u3000二重')).toBe('\u3000二重');
    expect(stripParagraphIndent('続き')).toBe('続き');
  });

  it('knows indented lines (ASCII space or U+3000 first)', () => {
    expect(isIndentedLine(' ことを再確認した、')).toBe(true);
    expect(isIndentedLine('\u3000西村経済産業大臣は')).toBe(true);
    expect(isIndentedLine('体研究施設の視察を実施')).toBe(false);
  });
});
