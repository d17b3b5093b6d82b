import { describe, expect, it } from 'vitest';
import type { CitationSource } from '../../../../electron/common/api/types';
import { chapterBook } from '../../../../electron/common/export/notes.fixture';
import { citationPath, copyWithCitation } from './citation';

const URL = 'https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html';
const source: CitationSource = {
  ...chapterBook,
  sections: [
    { section: 'us', label: '第1節', labelEn: 'Section 1', title: '米国', url: URL },
    { section: 'canada', label: '第2節', title: 'カナダ' },
  ],
};
const path = citationPath([
  { id: 'us', title: '第１節\u3000米国' },
  { id: 'us-2', title: '2．日米通商分野' },
]);

function copy(selected: string, language: 'ja' | 'en' = 'ja', p = path) {
  const data = new Map<string, string>();
  let prevented = false;
  const done = copyWithCitation(
    {
      clipboardData: { setData: (type, value) => void data.set(type, value) },
      preventDefault: () => (prevented = true),
    },
    selected,
    source,
    p,
    language,
  );
  return { done, prevented, data };
}

describe('copy with citation', () => {
  it('puts the quote in 「」 and the citation with its URL as plain text', () => {
    const { done, prevented, data } = copy('日米通商協力枠組みの下で議論を行った。\n');
    expect(done && prevented).toBe(true);
    expect(data.get('text/plain')).toBe(
      `「日米通商協力枠組みの下で議論を行った。」\n出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」2．日米通商分野（${URL}）`,
    );
  });

  it('puts the quote as a blockquote and the citation with a link as HTML', () => {
    const html = copy('米国は<重要>だ。\n次の段落。').data.get('text/html');
    expect(html).toBe(
      `<blockquote lang="ja" cite="${URL}"><p>米国は&lt;重要&gt;だ。</p><p>次の段落。</p></blockquote>` +
        `<p lang="ja">出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」2．日米通商分野（<a href="${URL}">${URL}</a>）</p>`,
    );
  });

  it('cites in English in the English interface, and without a URL where none is recorded', () => {
    expect(copy('本文', 'en').data.get('text/plain')).toBe(
      `“本文”\nSource: Ministry of Economy, Trade and Industry (METI), White Paper on International Economy and Trade 2023 (通商白書2023), Part III, Chapter 2, Section 1 "米国", 2．日米通商分野 (${URL})`,
    );
    const canada = copy('本文', 'ja', [{ id: 'canada', title: '［第２節\u3000カナダ］' }]);
    expect(canada.data.get('text/plain')).toBe(
      '「本文」\n出典：経済産業省『通商白書2023』第Ⅲ部第2章第2節「カナダ」',
    );
  });

  it('leaves the browser alone when nothing but space is selected or there is no clipboard', () => {
    expect(copy(' \n ').done).toBe(false);
    expect(copy(' \n ').prevented).toBe(false);
    expect(
      copyWithCitation(
        { clipboardData: null, preventDefault: () => {} },
        '本文',
        source,
        path,
        'ja',
      ),
    ).toBe(false);
  });
});
