// Notes and bookmarks as a Word document (.docx, through the `docx` library), because
// Word is where officials and analysts paste. The same arrangement as the Markdown
// export (electron/common/export/notes.ts), laid out with Word's own styles so that
// the navigation pane, a table of contents and a template's styles all work: Title,
// Heading 1/2/3… by section depth, Quote for the book's text (its left rule in the
// note's colour), a "Source Citation" style for the citation with its link. Text is
// Japanese (ja-JP for East Asian text; Latin text ja-JP too in a Japanese export,
// en-US in an English one) in Yu Mincho, headings in Yu Gothic, the faces Japanese
// Word uses by default; 10.5 pt on A4, the size and paper of Japanese documents.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { HighlightColor } from '../../common/api/types';
import { arrangeNotes, type NotesExportInput } from '../../common/export/notes';
import { EXPORT_MIME_TYPES } from '../../common/rules/exports';

export const DOCX_MIME_TYPE = EXPORT_MIME_TYPES.docx;

export const BODY_FONT = 'Yu Mincho';
export const HEADING_FONT = 'Yu Gothic';
/** Half-points: 10.5 pt. */
const BODY_SIZE = 21;

/** The rule beside a quote, in the colour of its note. */
const COLOR_HEX: Record<HighlightColor, string> = {
  yellow: 'D4A200',
  green: '3A9A4A',
  blue: '3B7DD8',
  pink: 'D9578C',
  purple: '8A5CC2',
};

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

// XML 1.0 has no place for C0 controls other than tab and line breaks, U+FFFE, U+FFFF
// or unpaired surrogates: Word refuses a file that holds one. The stored records refuse
// most of them already; whatever is left becomes U+FFFD rather than a broken document.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every string of the input with what XML cannot hold replaced by U+FFFD. */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return value.replace(NOT_XML, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
  return value;
}

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Lines of one paragraph as runs with line breaks between them. */
function lineRuns(lines: readonly string[], options: { italics?: boolean } = {}): TextRun[] {
  return lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : 0, ...options }));
}

/** Text split into paragraphs at blank lines, each a list of lines. */
function paragraphsOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n+/)
    .map((p) => p.split('\n').filter((l) => l.trim().length > 0))
    .filter((p) => p.length > 0);
}

function link(text: string, url: string): ExternalHyperlink {
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text, style: 'Hyperlink' })],
  });
}

/** The .docx bytes of the export. */
export async function exportNotesDocx(input: NotesExportInput): Promise<Uint8Array> {
  const notes = arrangeNotes(xmlSafe(input));
  const { words } = notes;
  const ja = notes.language === 'ja';
  const body: Paragraph[] = [
    new Paragraph({ text: notes.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: notes.book }),
    new Paragraph({ text: notes.generated, style: 'SourceCitation' }),
  ];

  for (const group of notes.groups) {
    for (const h of group.headings)
      body.push(
        new Paragraph({ text: h.title, heading: HEADINGS[Math.min(h.level, HEADINGS.length) - 1] }),
      );
    for (const a of group.annotations) {
      body.push(
        new Paragraph({
          keepNext: true,
          spacing: { before: 240 },
          children: [
            new TextRun({ text: a.kind, bold: true }),
            new TextRun({ text: `${words.separator}${a.color} — ${words.updated(a.updated)}` }),
          ],
        }),
      );
      if (a.record.anchor === 'orphan')
        body.push(
          new Paragraph({ children: [new TextRun({ text: words.orphan, italics: true })] }),
        );
      if (a.quote !== null) {
        for (const lines of paragraphsOf(a.quote))
          body.push(
            new Paragraph({
              style: 'Quote',
              border: {
                left: {
                  style: BorderStyle.SINGLE,
                  size: 24,
                  space: 8,
                  color: COLOR_HEX[a.record.color],
                },
              },
              children: lineRuns(lines),
            }),
          );
        const { label, url } = a.citation;
        const children: ParagraphChild[] = [new TextRun(label)];
        if (url)
          children.push(
            new TextRun(ja ? '（' : ' ('),
            link(url, url),
            new TextRun(ja ? '）' : ')'),
          );
        body.push(new Paragraph({ style: 'SourceCitation', children }));
      }
      if (a.continued)
        body.push(
          new Paragraph({ children: [new TextRun({ text: words.continued, italics: true })] }),
        );
      else {
        for (const lines of paragraphsOf(a.record.note))
          body.push(new Paragraph({ children: lineRuns(lines) }));
        if (a.record.tags.length > 0)
          body.push(
            new Paragraph({ text: `${words.tags}${a.record.tags.join(words.tagSeparator)}` }),
          );
      }
      const links: ParagraphChild[] = [];
      if (a.deepLink) links.push(link(words.openInApp, a.deepLink));
      if (a.citation.url) {
        if (links.length > 0) links.push(new TextRun(' · '));
        links.push(link(words.sourcePage, a.citation.url));
      }
      if (links.length > 0) body.push(new Paragraph({ children: links }));
    }
  }

  if (notes.bookmarks.length > 0) {
    body.push(new Paragraph({ text: words.bookmarks, heading: HeadingLevel.HEADING_1 }));
    for (const b of notes.bookmarks) {
      const label = b.record.label.replace(/[ \t\r\n]+/g, ' ').trim();
      body.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            b.deepLink ? link(b.title, b.deepLink) : new TextRun(b.title),
            ...(b.excerpt !== null
              ? [new TextRun(` ${words.bookmarkAt(b.excerpt.replace(/\s+/g, ' ').trim())}`)]
              : []),
            ...(label.length > 0 ? [new TextRun(` — ${label}`)] : []),
          ],
        }),
      );
    }
  }
  body.push(
    new Paragraph({
      text: notes.attribution,
      style: 'SourceCitation',
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
    }),
  );

  const language = { value: ja ? 'ja-JP' : 'en-US', eastAsia: 'ja-JP' };
  const heading = (size: number) => ({
    run: { font: font(HEADING_FONT), size, bold: true, color: '1F3864' },
    paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
  });
  const document = new Document({
    creator: 'Hakusho Reader',
    title: notes.title,
    description: notes.book,
    // The theme's fonts too, so that Word's Design › Fonts and new styles agree.
    theme: {
      fonts: {
        headings: { latin: HEADING_FONT, eastAsia: HEADING_FONT },
        body: { latin: BODY_FONT, eastAsia: BODY_FONT },
      },
    },
    styles: {
      default: {
        document: {
          run: { font: font(BODY_FONT), size: BODY_SIZE, language },
          paragraph: { spacing: { after: 120, line: 300 } },
        },
        title: { run: { font: font(HEADING_FONT), size: 36, bold: true } },
        heading1: heading(30),
        heading2: heading(26),
        heading3: heading(23),
        heading4: heading(21),
        heading5: heading(21),
        heading6: heading(21),
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: { indent: { left: 567, right: 284 }, spacing: { before: 60, after: 60 } },
        },
        {
          id: 'SourceCitation',
          name: 'Source Citation',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 18, color: '555555' },
          paragraph: { indent: { left: 567 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1701, bottom: 1417, left: 1417, right: 1417 },
          },
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
