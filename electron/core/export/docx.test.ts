// The Word export opened the two ways a reader's tools would: its XML read directly
// (styles, language, fonts, links) and the file converted by mammoth, an independent
// .docx reader, which must see the headings, quotes and links as such.
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_LINKS,
  HOSTILE_NOTE,
  METI_URL,
  chapterSections,
  exportInput,
  pagedExportInput,
} from '../../common/export/notes.fixture';
import { BODY_FONT, HEADING_FONT, exportNotesDocx } from './docx';

interface Para {
  style: string | null;
  text: string;
  xml: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphs(documentXml: string): Para[] {
  return (documentXml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).map((xml) => ({
    xml,
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1] ?? null,
    text: decode(
      (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>/g) ?? [])
        .map((piece) => (piece === '<w:br/>' ? '\n' : piece.replace(/<[^>]+>/g, '')))
        .join(''),
    ),
  }));
}

let files: Record<string, string>;
let paras: Para[];
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await exportNotesDocx(exportInput());
  files = Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
  );
  paras = paragraphs(files['word/document.xml'] as string);
});

describe('exportNotesDocx, read as XML', () => {
  it('is a Word package', () => {
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
    expect(files['[Content_Types].xml']).toContain('wordprocessingml.document.main+xml');
  });

  it('gives each section Word’s heading style of its depth, under a Title', () => {
    expect(
      paras
        .filter((p) => p.style && /^(Title|Heading\d)$/.test(p.style))
        .map((p) => [p.style, p.text]),
    ).toEqual([
      ['Title', '『通商白書2023』米国・カナダ\u3000メモとしおり'],
      ['Heading1', '第１節\u3000米国'],
      ['Heading2', '［1．概況］'],
      ['Heading2', '2．日米通商分野'],
      ['Heading3', '＜1962年米国通商拡大法232条を巡る動き＞'],
      ['Heading2', '3．日米貿易投資関係の更なる発展に向けた取組'],
      ['Heading1', '［第２節\u3000カナダ］'],
      ['Heading1', 'この版にない節（us-9）'],
      ['Heading1', 'しおり'],
    ]);
  });

  it('sets the quotes in the Quote style, ruled in their note’s colour', () => {
    const quotes = paras.filter((p) => p.style === 'Quote');
    expect(quotes.map((p) => p.text)).toEqual([
      '日米経済関係が戦略的な段階に押し上げられた。',
      '2018年3月23日、米国政府は、1962年通商拡大法232条に基づき、輸入する鉄鋼製品に対して25%、アルミ製品に対して10%の追加関税賦課を開始した。',
      '在米日系企業による米国内の雇用者数は93.2万人（世界2位）であり',
      '旧版にだけあった文。',
    ]);
    expect(quotes.map((p) => /<w:left [^>]*w:color="([0-9A-F]{6})"/.exec(p.xml)?.[1])).toEqual([
      'D9578C',
      '3B7DD8',
      'D4A200',
      '8A5CC2',
    ]);
  });

  it('cites each quote with its place in the book and a link to METI’s page', () => {
    const citations = paras.filter(
      (p) => p.style === 'SourceCitation' && p.text.startsWith('出典'),
    );
    expect(citations.map((p) => p.text)).toEqual([
      `出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」［1．概況］（${METI_URL}）`,
      `出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」2．日米通商分野 ＞ ＜1962年米国通商拡大法232条を巡る動き＞（${METI_URL}）`,
      `出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」3．日米貿易投資関係の更なる発展に向けた取組（${METI_URL}）`,
      '出典：経済産業省『通商白書2023』第Ⅲ部第2章',
    ]);
    expect(citations[0]?.xml).toContain('<w:hyperlink');
    const targets = [
      ...(files['word/_rels/document.xml.rels'] as string).matchAll(
        /Target="([^"]+)" TargetMode="External"/g,
      ),
    ].map((m) => decode(m[1] as string));
    expect(new Set(targets)).toEqual(new Set(EXPORT_LINKS));
  });

  it('cites each quote of a paged document with its printed pages; the chapter with none', async () => {
    const citationsOf = async (input: Parameters<typeof exportNotesDocx>[0]) =>
      paragraphs(strFromU8(unzipSync(await exportNotesDocx(input))['word/document.xml']!))
        .filter((p) => p.style === 'SourceCitation' && /^(出典|Source)/.test(p.text))
        .map((p) => p.text);
    expect(await citationsOf(pagedExportInput())).toEqual([
      '出典：総務省『令和6年版 情報通信白書』第1章\u3000デジタル化の現状',
      '出典：総務省『令和6年版 情報通信白書』第1章\u3000デジタル化の現状 ＞ 1．概況、p. 12',
      '出典：総務省『令和6年版 情報通信白書』第1章\u3000デジタル化の現状 ＞ 1．概況、pp. 12–13',
      '出典：総務省『令和6年版 情報通信白書』第2章\u3000展望、p. 13',
    ]);
    expect((await citationsOf(pagedExportInput({ language: 'en' })))[2]).toBe(
      'Source: 総務省, 令和6年版 情報通信白書, 第1章\u3000デジタル化の現状 > 1．概況, pp. 12–13',
    );
    const chapter = await citationsOf(exportInput({ sections: chapterSections }));
    expect(chapter).toEqual(
      paras
        .filter((p) => p.style === 'SourceCitation' && p.text.startsWith('出典'))
        .map((p) => p.text),
    );
    expect(chapter.join('\n')).not.toMatch(/、pp?\. /);
  });

  it('keeps the notes as written, line for line, and the tags and labels', () => {
    const texts = paras.map((p) => p.text);
    expect(texts).toContain(HOSTILE_NOTE);
    expect(texts).toContain('対米投資の規模。\n雇用でも大きい。');
    expect(texts).toContain('タグ：対米投資、IRA');
    expect(texts).toContain('タグ：#タグ、*強調*');
    expect(texts).toContain('ハイライト・黄 — 2026年11月30日 13:17 更新');
    expect(texts).toContain('節のメモ・緑 — 2026年11月29日 10:05 更新');
    expect(texts).toContain('この版の本文には、この箇所が見つかりません。');
    expect(texts).toContain(
      '第１節\u3000米国 ＞ 2．日米通商分野 ＞ ＜1962年米国通商拡大法232条を巡る動き＞ — 232条 [要確認](x) <i>',
    );
    expect(files['word/document.xml']).not.toContain('<script');
    expect(texts[texts.length - 1]).toBe('「通商白書2023」（経済産業省）を加工して作成');
  });

  it('is Japanese: ja-JP language, Japanese faces for body and headings, A4', () => {
    const styles = files['word/styles.xml'] as string;
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:lang w:val="ja-JP" w:eastAsia="ja-JP"/>');
    expect(defaults).toMatch(new RegExp(`<w:rFonts [^>]*w:eastAsia="${BODY_FONT}"`));
    const heading1 =
      /<w:style [^>]*w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(heading1).toContain('<w:name w:val="Heading 1"/>');
    expect(heading1).toMatch(new RegExp(`<w:rFonts [^>]*w:eastAsia="${HEADING_FONT}"`));
    expect(files['word/theme/theme1.xml']).toContain(`<a:ea typeface="${BODY_FONT}"/>`);
    expect(files['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('in English: English words, en-US for Latin text, ja-JP still for East Asian text', async () => {
    const en = unzipSync(await exportNotesDocx(exportInput({ language: 'en' })));
    const styles = strFromU8(en['word/styles.xml'] as Uint8Array);
    expect(styles).toContain('<w:lang w:val="en-US" w:eastAsia="ja-JP"/>');
    const texts = paragraphs(strFromU8(en['word/document.xml'] as Uint8Array)).map((p) => p.text);
    expect(texts).toContain('Highlight · yellow — updated November 30, 2026, 13:17');
    expect(texts).toContain('Bookmarks');
  });
});

describe('exportNotesDocx, read by mammoth', () => {
  it('sees the headings, quotes, citations and links', async () => {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: [
          "p[style-name='Title'] => h1.title:fresh",
          "p[style-name='Quote'] => blockquote > p:fresh",
          "p[style-name='Source Citation'] => p.citation:fresh",
        ],
      },
    );
    expect(result.messages).toEqual([]);
    const html = result.value;
    expect([...html.matchAll(/<(h[1-6])>([^<]*)<\/h[1-6]>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['h1', '第１節\u3000米国'],
      ['h2', '［1．概況］'],
      ['h2', '2．日米通商分野'],
      ['h3', '＜1962年米国通商拡大法232条を巡る動き＞'],
      ['h2', '3．日米貿易投資関係の更なる発展に向けた取組'],
      ['h1', '［第２節\u3000カナダ］'],
      ['h1', 'この版にない節（us-9）'],
      ['h1', 'しおり'],
    ]);
    expect(html).toContain('<h1 class="title">『通商白書2023』米国・カナダ\u3000メモとしおり</h1>');
    expect(html).toContain(
      '<blockquote><p>在米日系企業による米国内の雇用者数は93.2万人（世界2位）であり</p></blockquote>',
    );
    expect(html).toContain(
      `<p class="citation">出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」3．日米貿易投資関係の更なる発展に向けた取組（<a href="${METI_URL}">${METI_URL}</a>）</p>`,
    );
    expect(html).toContain(
      '<a href="hakusho-reader://section/us-3?annotation=a1">アプリで開く</a>',
    );
    expect(html.match(/<blockquote>/g)).toHaveLength(4);
    expect(html.match(/<li>/g)).toHaveLength(2);
  });
});

describe('exportNotesDocx, edge cases', () => {
  it('writes a document with nothing but its title when there are no notes', async () => {
    const empty = unzipSync(await exportNotesDocx(exportInput({ annotations: [], bookmarks: [] })));
    const texts = paragraphs(strFromU8(empty['word/document.xml'] as Uint8Array));
    expect(texts.map((p) => p.style)).toEqual(['Title', null, 'SourceCitation', 'SourceCitation']);
    expect(texts[2]?.text).toContain('（メモ0件、しおり0件）');
  });

  it('replaces what XML cannot hold instead of writing a file Word refuses', async () => {
    const [first, ...rest] = exportInput().annotations;
    const docx = await exportNotesDocx(
      exportInput({
        annotations: [{ ...first!, note: 'a\uFFFFb\u0001c\uD800d' }, ...rest],
      }),
    );
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
    expect(xml).toContain('a\uFFFDb\uFFFDc\uFFFDd');
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    expect(result.value).toContain('a\uFFFDb\uFFFDc\uFFFDd');
  });

  it('refuses an unknown time zone before writing anything', async () => {
    await expect(exportNotesDocx(exportInput({ timeZone: 'Mars/Olympus' }))).rejects.toThrowError(
      'unknown time zone: "Mars/Olympus"',
    );
  });
});
