import { describe, expect, it } from 'vitest';
import metadata from '../../../data/sources/meti-white-paper-2023-us-canada.json';
import { citationFor, citePassage } from './cite';
import { citationSourceSchema, type CitationSource } from './source';

// The citation data exactly as the content build stores it from the metadata file.
const source: CitationSource = citationSourceSchema.parse({
  publisher: metadata.publisher,
  publisherEn: metadata.publisherEn,
  edition: metadata.edition,
  editionEn: metadata.editionEn,
  within: metadata.citation.within,
  sections: metadata.citation.sections,
});
const URL = 'https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html';
const us2 = [
  { id: 'us', title: '第１節\u3000米国' },
  { id: 'us-2', title: '2．日米通商分野' },
];
const us232 = [...us2, { id: 'us-2-232', title: '＜1962年米国通商拡大法232条を巡る動き＞' }];
const canada = [{ id: 'canada', title: '［第２節\u3000カナダ］' }];

describe('citationFor', () => {
  it('cites 第1節 with its place in the book and METI’s page URL', () => {
    expect(citationFor(source, us2, 'ja').text).toBe(
      `出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」2．日米通商分野（${URL}）`,
    );
    expect(citationFor(source, [us2[0]!], 'ja')).toEqual({
      label: '出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」',
      url: URL,
      text: `出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」（${URL}）`,
    });
    expect(citationFor(source, us232, 'ja').label).toBe(
      '出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」2．日米通商分野 ＞ ＜1962年米国通商拡大法232条を巡る動き＞',
    );
  });

  it('cites 第2節 カナダ without a URL (the metadata records none)', () => {
    expect(citationFor(source, canada, 'ja')).toEqual({
      label: '出典：経済産業省『通商白書2023』第Ⅲ部第2章第2節「カナダ」',
      url: null,
      text: '出典：経済産業省『通商白書2023』第Ⅲ部第2章第2節「カナダ」',
    });
  });

  it('writes English with the English names the metadata gives, the section titles as the book has them', () => {
    expect(citationFor(source, us2, 'en').text).toBe(
      `Source: Ministry of Economy, Trade and Industry (METI), White Paper on International Economy and Trade 2023 (通商白書2023), Part III, Chapter 2, Section 1 "United States", 2．日米通商分野 (${URL})`,
    );
    expect(citationFor(source, canada, 'en').text).toBe(
      'Source: Ministry of Economy, Trade and Industry (METI), White Paper on International Economy and Trade 2023 (通商白書2023), Part III, Chapter 2, Section 2 "Canada"',
    );
  });

  it('cites a section the metadata does not place by the book and its titles, with no URL', () => {
    expect(citationFor(source, [{ id: 'elsewhere', title: '付録' }], 'ja')).toEqual({
      label: '出典：経済産業省『通商白書2023』第Ⅲ部第2章付録',
      url: null,
      text: '出典：経済産業省『通商白書2023』第Ⅲ部第2章付録',
    });
    const bare: CitationSource = {
      publisher: '経済産業省',
      edition: '通商白書2023',
      within: [],
      sections: [],
    };
    expect(citationFor(bare, [], 'ja').text).toBe('出典：経済産業省『通商白書2023』');
    expect(citationFor(bare, [], 'en').text).toBe('Source: 経済産業省, 通商白書2023');
  });
});

describe('citePassage (clipboard text/plain and text/html)', () => {
  const quote = '在米日系企業による米国内の雇用者数は93.2万人（世界2位）であり';

  it('puts the quote in 「」 and the citation under it in plain text', () => {
    expect(citePassage(`${quote}\n`, source, us2, 'ja').text).toBe(
      `「${quote}」\n出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」2．日米通商分野（${URL}）`,
    );
    expect(citePassage(quote, source, us2, 'en').text).toBe(
      `“${quote}”\nSource: Ministry of Economy, Trade and Industry (METI), White Paper on International Economy and Trade 2023 (通商白書2023), Part III, Chapter 2, Section 1 "United States", 2．日米通商分野 (${URL})`,
    );
  });

  it('makes a blockquote and a linked citation in HTML', () => {
    expect(citePassage(quote, source, us2, 'ja').html).toBe(
      `<blockquote lang="ja" cite="${URL}"><p>${quote}</p></blockquote>` +
        `<p lang="ja">出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」2．日米通商分野（<a href="${URL}">${URL}</a>）</p>`,
    );
    expect(citePassage('カナダでは', source, canada, 'en').html).toBe(
      '<blockquote lang="ja"><p>カナダでは</p></blockquote>' +
        '<p lang="en">Source: Ministry of Economy, Trade and Industry (METI), White Paper on International Economy and Trade 2023 (通商白書2023), Part III, Chapter 2, Section 2 &quot;Canada&quot;</p>',
    );
  });

  it('escapes the quote, keeps its paragraphs, and copes with an empty selection', () => {
    const html = citePassage('A <b>&</b> "B"\n\n第2段落', source, canada, 'ja').html;
    expect(html).toContain('<p>A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;</p><p>第2段落</p>');
    expect(citePassage(' \n', source, canada, 'ja')).toEqual({
      text: '出典：経済産業省『通商白書2023』第Ⅲ部第2章第2節「カナダ」',
      html: '<p lang="ja">出典：経済産業省『通商白書2023』第Ⅲ部第2章第2節「カナダ」</p>',
    });
  });
});

describe('a document whose file names no publisher (an import)', () => {
  const imported = citationSourceSchema.parse({
    publisher: '',
    edition: '輸出管理の手引き',
    within: [],
    sections: [],
  });
  const path = [{ id: 's1', title: '第1章\u3000概要' }];

  it('cites the book and the section path, with no empty publisher', () => {
    expect(citationFor(imported, path, 'ja').text).toBe(
      '出典：『輸出管理の手引き』第1章\u3000概要',
    );
    expect(citationFor(imported, path, 'en').text).toBe(
      'Source: 輸出管理の手引き, 第1章\u3000概要',
    );
  });

  it('adds the printed pages of a paged source: p. 12, pp. 12–13', () => {
    expect(citationFor(imported, path, 'ja', { first: '12', last: '12' }).text).toBe(
      '出典：『輸出管理の手引き』第1章\u3000概要、p. 12',
    );
    expect(citationFor(imported, path, 'en', { first: '12', last: '13' }).text).toBe(
      'Source: 輸出管理の手引き, 第1章\u3000概要, pp. 12–13',
    );
    expect(citePassage('引用', imported, path, 'ja', { first: 'iv', last: 'iv' }).text).toBe(
      '「引用」\n出典：『輸出管理の手引き』第1章\u3000概要、p. iv',
    );
  });
});
