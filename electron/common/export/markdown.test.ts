// The Markdown export read back by a CommonMark parser (markdown-it, in its strict
// CommonMark preset, which passes HTML through, and in its default preset, which adds
// tables and strikethrough): the structure is the export's own, whatever the notes say,
// and every character of the notes and quotes comes back as text.
import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { exportNotesMarkdown } from './markdown';
import { escapeInline, escapeLine, markdownParagraphs } from './markdown-text';
import {
  EXPORT_LINKS,
  HOSTILE_NOTE,
  METI_URL,
  chapterSections,
  exportInput,
  pagedExportInput,
} from './notes.fixture';

const parsers = { commonmark: new MarkdownIt('commonmark'), default: new MarkdownIt() };

function flat(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flat(t.children ?? [])]);
}
const textOf = (inline: Token) =>
  (inline.children ?? [])
    .map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : c.content))
    .join('');

describe('exportNotesMarkdown', () => {
  const md = exportNotesMarkdown(exportInput());
  const lines = md.split('\n');

  it('is written for a Japanese reader: title naming the book, local dates, no escaping of plain text', () => {
    expect(lines.slice(0, 5)).toEqual([
      '# 『通商白書2023』米国・カナダ\u3000メモとしおり',
      '',
      '経済産業省『通商白書2023』第Ⅲ部第2章「各国戦略」',
      '',
      '2026年11月30日 13:17に Hakusho Reader から書き出し（メモ5件、しおり2件）',
    ]);
    expect(md).toContain('> 在米日系企業による米国内の雇用者数は93.2万人（世界2位）であり\n');
    expect(md).not.toContain('93\\.2');
    expect(md).not.toMatch(/Z\b|UTC|T04:17/);
    expect(md).toContain(
      `出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」3．日米貿易投資関係の更なる発展に向けた取組（<${METI_URL}>）`,
    );
    expect(md).toContain(
      `[アプリで開く](hakusho-reader://section/us-3?annotation=a1) · [経済産業省のページ](${METI_URL})`,
    );
    expect(md).toContain('**ハイライト**・黄 — 2026年11月30日 13:17 更新');
    expect(md).toContain('タグ：対米投資、IRA');
    // The Canada section has no page URL: its note links to the app only.
    expect(md).toContain('[アプリで開く](hakusho-reader://section/canada?annotation=a3)\n');
    expect(md.trimEnd().endsWith('---\n\n「通商白書2023」（経済産業省）を加工して作成')).toBe(true);
  });

  it('is all English in English, the book’s own text excepted', () => {
    const en = exportNotesMarkdown(exportInput({ language: 'en' }));
    expect(en.split('\n')[0]).toBe(
      '# 『通商白書2023』 United States and Canada: notes and bookmarks',
    );
    expect(en).toContain('**Highlight** · yellow — updated November 30, 2026, 13:17');
    expect(en).toContain('Tags: 対米投資, IRA');
    expect(en).toContain('## Bookmarks');
    // None of the export's own Japanese words (the notes and the book's text stay as written).
    expect(en).not.toMatch(
      /ハイライト|節のメモ|## しおり|タグ：|出典：|更新|アプリで開く|経済産業省のページ|書き出し|・黄/,
    );
  });

  it('follows the time zone it is given', () => {
    const toronto = exportNotesMarkdown(exportInput({ timeZone: 'America/Toronto' }));
    expect(toronto).toContain('2026年11月29日 23:17に Hakusho Reader');
    expect(() => exportNotesMarkdown(exportInput({ timeZone: 'Nowhere/City' }))).toThrowError(
      'unknown time zone',
    );
  });

  it('cites each quote of a paged document with its printed pages, by the copy’s rule', () => {
    const paged = exportNotesMarkdown(pagedExportInput());
    const cites = paged.split('\n').filter((l) => l.startsWith('出典：'));
    expect(cites).toEqual([
      // An orphan's offsets belong to another edition: no page.
      '出典：総務省『令和6年版 情報通信白書』第1章\u3000デジタル化の現状',
      '出典：総務省『令和6年版 情報通信白書』第1章\u3000デジタル化の現状 ＞ 1．概況、p. 12',
      '出典：総務省『令和6年版 情報通信白書』第1章\u3000デジタル化の現状 ＞ 1．概況、pp. 12–13',
      // A section with no marker of its own is on the page begun before it.
      '出典：総務省『令和6年版 情報通信白書』第2章\u3000展望、p. 13',
    ]);
    const en = exportNotesMarkdown(pagedExportInput({ language: 'en' }));
    expect(en).toContain('1．概況, pp. 12–13\n');
    expect(en).toContain('第2章\u3000展望, p. 13\n');
    // Links still carry the document's id.
    expect(paged).toContain('hakusho-reader://section/s1-1?doc=doc-1&annotation=p2');
  });

  it('gives no page when the sections cannot be read or have none (the bundled chapter)', () => {
    expect(exportNotesMarkdown(exportInput({ sections: chapterSections }))).toBe(md);
    const unread = exportNotesMarkdown(pagedExportInput({ sections: () => undefined }));
    expect(unread).not.toMatch(/p\. 1[23]|pp\./);
    const without = pagedExportInput();
    delete without.sections;
    expect(exportNotesMarkdown(without)).not.toMatch(/p\. 1[23]|pp\./);
  });

  describe.each(Object.entries(parsers))('read by markdown-it (%s)', (_, parser) => {
    const tokens = parser.parse(md, {});
    const all = flat(tokens);
    const types = new Set(all.map((t) => t.type));

    it('has the export’s headings and no other', () => {
      const headings = tokens
        .map((t, i) => (t.type === 'heading_open' ? [t.tag, tokens[i + 1]?.content] : null))
        .filter(Boolean);
      expect(headings).toEqual([
        ['h1', '『通商白書2023』米国・カナダ\u3000メモとしおり'],
        ['h2', '第１節\u3000米国'],
        ['h3', '［1．概況］'],
        ['h3', '2．日米通商分野'],
        ['h4', '＜1962年米国通商拡大法232条を巡る動き＞'],
        ['h3', '3．日米貿易投資関係の更なる発展に向けた取組'],
        ['h2', '［第２節\u3000カナダ］'],
        ['h2', 'この版にない節（us-9）'],
        ['h2', 'しおり'],
      ]);
    });

    it('links only where the export links: deep links, METI’s page', () => {
      const hrefs = all.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
      expect(new Set(hrefs)).toEqual(new Set(EXPORT_LINKS));
    });

    it('has no HTML, image, code, table, strikethrough or ordered list; one list, one rule', () => {
      for (const type of [
        'html_block',
        'html_inline',
        'image',
        'code_inline',
        'code_block',
        'fence',
        'table_open',
        's_open',
        'ordered_list_open',
      ])
        expect(types.has(type), type).toBe(false);
      expect(all.filter((t) => t.type === 'bullet_list_open')).toHaveLength(1);
      expect(all.filter((t) => t.type === 'list_item_open')).toHaveLength(2);
      expect(all.filter((t) => t.type === 'hr')).toHaveLength(1);
      expect(all.filter((t) => t.type === 'blockquote_open')).toHaveLength(4);
      // Bold only for the five labels, italics only for the one orphan notice.
      expect(all.filter((t) => t.type === 'strong_open')).toHaveLength(5);
      expect(all.filter((t) => t.type === 'em_open')).toHaveLength(1);
    });

    it('gives back the hostile note as its text, line for line', () => {
      const inline = all.find((t) => t.type === 'inline' && t.content.includes('見出しにならない'));
      const expected = HOSTILE_NOTE.split('\n')
        .map((l) => l.trim())
        .join('\n');
      expect(inline && textOf(inline)).toBe(expected);
    });

    it('keeps a bookmark label as text after its link', () => {
      const item = all.find((t) => t.type === 'inline' && t.content.includes('232条 '));
      expect(item && textOf(item)).toBe(
        '第１節\u3000米国 ＞ 2．日米通商分野 ＞ ＜1962年米国通商拡大法232条を巡る動き＞ — 232条 [要確認](x) <i>',
      );
    });
  });
});

describe('the reader’s words as they read', () => {
  it('a note, tag or label stored with bidi overrides or C1 controls is written without them', () => {
    const input = exportInput();
    const hidden = '\u202Efdp.exe\u202C\u0085\u2066';
    input.annotations = input.annotations.map((a) => ({
      ...a,
      note: `${a.note}${hidden}`,
      tags: a.tags.map((t) => `${hidden}${t}`),
    }));
    input.bookmarks = input.bookmarks.map((b) => ({ ...b, label: `${b.label}${hidden}` }));
    const md = exportNotesMarkdown(input);
    expect(md).toContain('fdp.exe');
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0080-\u009F]/);
  });
});

describe('escaping only where Markdown would read markup', () => {
  it('leaves plain text alone', () => {
    for (const text of [
      '93.2万人',
      'U.S.',
      '2＋2',
      '25%',
      'snake_case',
      'C:\\Users',
      '(注)',
      'a+b=c',
      '#タグ',
    ])
      expect(escapeLine(text), text).toBe(text);
  });
  it('escapes what would start a block, at the start of a line only', () => {
    expect(escapeLine('# 見出し')).toBe('\\# 見出し');
    expect(escapeLine('1. 項目')).toBe('1\\. 項目');
    expect(escapeLine('2022) 年')).toBe('2022\\) 年');
    expect(escapeLine('- a')).toBe('\\- a');
    expect(escapeLine('---')).toBe('\\---');
    expect(escapeLine('==')).toBe('\\==');
    expect(escapeLine('a - b 1. c # d')).toBe('a - b 1. c # d');
  });
  it('escapes what would start inline markup', () => {
    expect(escapeInline('*a* _b_ `c` [d](e) <f> ~~g~~ |h| &amp; \\*')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d](e) \\<f> \\~\\~g\\~\\~ \\|h\\| \\&amp; \\\\\\*',
    );
  });
});

describe('notes cannot change the structure (property)', () => {
  const alphabet = [
    ...'あ漢aZ19 \t\u3000\n\n#*_-+=>~|[]()!<&;:/.\\`',
    'https://x.y',
    '&amp;',
    '&#1;',
    '```',
    '    ',
    '1.',
    '[a]: b',
    '<!--',
    '-->',
    '&copy;',
    '\u00a0',
    '\ufeff',
    '\\\n',
    '__',
    '**',
  ];
  const note = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));
  const paragraphsOf = (text: string) =>
    text
      .split(/\n[ \t\u3000]*\n+/)
      .map((p) =>
        p
          .split('\n')
          .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
          .filter((l) => l.length > 0)
          .join('\n'),
      )
      .filter((p) => p.length > 0);

  it.each(Object.entries(parsers))('as paragraphs, read by markdown-it (%s)', (_, parser) => {
    fc.assert(
      fc.property(note, (text) => {
        const tokens = parser.parse(markdownParagraphs(text).join('\n'), {});
        const blocks = tokens.filter((t) => t.type !== 'inline').map((t) => t.type);
        const inline = tokens.filter((t) => t.type === 'inline');
        expect(new Set(blocks)).toEqual(
          new Set(inline.length > 0 ? ['paragraph_open', 'paragraph_close'] : []),
        );
        for (const t of inline)
          for (const c of t.children ?? [])
            expect(['text', 'softbreak', 'hardbreak']).toContain(c.type);
        expect(inline.map(textOf)).toEqual(paragraphsOf(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(Object.entries(parsers))('as a blockquote, read by markdown-it (%s)', (_, parser) => {
    fc.assert(
      fc.property(note, (text) => {
        const lines = markdownParagraphs(text, '> ');
        const tokens = parser.parse(`${lines.join('\n')}\n\nafter`, {});
        const blocks = tokens.filter((t) => t.type !== 'inline').map((t) => t.type);
        const inside = lines.length > 0 ? ['blockquote_open', 'blockquote_close'] : [];
        expect(new Set(blocks)).toEqual(new Set([...inside, 'paragraph_open', 'paragraph_close']));
        const inline = tokens.filter((t) => t.type === 'inline');
        expect(inline.map(textOf)).toEqual([...paragraphsOf(text), 'after']);
      }),
      { numRuns: 1000 },
    );
  });
});
