// Markdown: rendered to HTML by markdown-it (CommonMark; raw HTML passes through to the
// HTML reader, which runs nothing) and read like any HTML file, so headings (#, setext),
// paragraphs, lists, quotes and code blocks follow one set of rules. Decoded like text.
import MarkdownIt from 'markdown-it';
import { HtmlBlockCollector, parseHtml } from './html';
import { decodeText } from './text';
import type { AdapterContext, ExtractedDocument } from './types';

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

export function extractMarkdown(bytes: Uint8Array, context: AdapterContext): ExtractedDocument {
  const { text, encoding } = decodeText(bytes, context.name);
  const doc = parseHtml(`<body>${markdown.render(text)}</body>`, false);
  const collector = new HtmlBlockCollector();
  collector.addDocument(doc);
  const firstHeading = collector.blocks.find((b) => b.role === 'heading' && b.level === 1);
  return {
    format: 'markdown',
    encoding,
    title: firstHeading ? firstHeading.lines.join('') : null,
    publisher: null,
    author: null,
    date: null,
    writingMode: 'horizontal',
    blocks: collector.blocks,
    pageLabels: null,
    warnings: [],
  };
}
