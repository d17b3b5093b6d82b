import { describe, expect, it } from 'vitest';
import { assignRoles, isCaptionText, isNoteMark, noteStarts } from './roles';
import { line } from './testing';

describe('line roles', () => {
  it('knows captions and source lines, not body sentences that mention a figure', () => {
    for (const t of [
      '図表1　米国の対外直接投資',
      '第1-1-2図　世界のGDP',
      '表3　品目別',
      'Figure 2 Trade',
      '資料：米国商務省から作成。',
      '（備考）季節調整値。',
    ])
      expect(isCaptionText(t)).toBe(true);
    expect(isCaptionText('図1のとおり、輸出は増加した。その後、減少に転じた。')).toBe(false);
    expect(isCaptionText('図表によると')).toBe(false);
  });

  it('knows note marks', () => {
    for (const t of [
      '注1　日付は現地時間。',
      '※1 速報値',
      '*2 推計',
      '（注）円換算',
      '1) 速報値',
      '¹ 推計',
    ])
      expect(isNoteMark(t)).toBe(true);
    expect(isNoteMark('本文')).toBe(false);
  });

  it('sets footnotes apart at the bottom of the page, captions and small figure text anywhere', () => {
    const body = [0, 1, 2].map((i) => line(`本文${i}の行です。`, 62, 100 + i * 17));
    const caption = line('図表1　推移', 62, 160, { size: 9, font: 'gothic' });
    const axis = line('2021', 80, 230, { size: 7 });
    const note = line('注1　日付は現地時間による。', 62, 740, { size: 8 });
    const noteMore = line('続きの行。', 62, 751, { size: 8 });
    const roles = assignRoles([...body, caption, axis, note, noteMore], 10);
    expect(body.map((l) => roles.get(l))).toEqual(['body', 'body', 'body']);
    expect([caption, axis, note, noteMore].map((l) => roles.get(l))).toEqual([
      'caption',
      'caption',
      'footnote',
      'footnote',
    ]);
  });

  it('opens a note at a number set close against its text on a hanging line, or at ¹⁴', () => {
    const body = [0, 1, 2].map((i) => line(`本文${i}の行です。`, 57, 600 + i * 12));
    const notes = [
      // The end of a note begun on the page before: it belongs to the notes too.
      line('• Using Git for Debian Packaging', 57, 684, { size: 8 }),
      line('13その場合は、環境変数は設定されません。アップロード用の', 67, 695, { size: 8 }),
      line('パッケージは生成しないでください。', 57, 704, { size: 8 }),
      line('1⁴これに代えて、./configure に引数を追加することもできます。', 68, 715, { size: 8 }),
      line('3Debian Policy Manual, 8.1 を参照下さい。', 71, 726, { size: 8 }),
      // A continuation line that opens with a number is not a note.
      line('10月に改訂された。', 57, 737, { size: 8 }),
    ];
    const lines = [...body, ...notes];
    const roles = assignRoles(lines, 10);
    expect(notes.map((l) => roles.get(l))).toEqual(Array(6).fill('footnote'));
    const starts = noteStarts(lines, roles);
    expect(notes.map((l) => starts.has(l))).toEqual([false, true, false, true, true, false]);
    expect(isNoteMark('¹⁴ 推計')).toBe(true);
  });
});
