// Plain text (UTF-8, UTF-16 with BOM, Shift_JIS/CP932 — decoded by the bundled
// chapter's decoder, ingest/decode.ts). Two shapes of text are common:
//  - PDF extractions like the bundled source, where a paragraph opens with U+3000 and
//    blank lines are page or column breaks inside paragraphs: read by the bundled
//    segmenter (ingest/segment.ts) itself;
//  - text written as text, where blank lines separate paragraphs.
// Headings come from numbering (./numbering.ts); their levels from the ranks used.
import { ContentBuildError } from '../ingest/errors';
import { decodeSource } from '../ingest/decode';
import { isBlankLine } from '../ingest/chars';
import { isParagraphStart, stripParagraphIndent } from '../ingest/paragraphs';
import { segmentSource, type SourceBlock } from '../ingest/segment';
import type { SectionKind } from '../../common/api/types';
import { ImportError } from './errors';
import { levelsOfRanks, numberedHeadingRank } from './numbering';
import type { AdapterContext, ExtractedDocument, ImportBlock } from './types';

/** The bundled segmenter's heading kinds in numbering ranks (./numbering.ts). */
const KIND_RANK: Record<SectionKind, number> = { chapter: 30, part: 50, topic: 70, dated: 75 };

export function decodeText(bytes: Uint8Array, name: string): { text: string; encoding: string } {
  try {
    return decodeSource(bytes, name);
  } catch (err) {
    if (err instanceof ContentBuildError)
      throw new ImportError(/empty/.test(err.message) ? 'empty' : 'unsupported', err.message);
    throw err;
  }
}

/** Whether paragraphs open with U+3000 (and blank lines are breaks inside them). */
export function usesIndentedParagraphs(lines: readonly string[]): boolean {
  let starts = 0;
  let groups = 0;
  let previousBlank = true;
  for (const line of lines) {
    const blank = isBlankLine(line);
    if (!blank && previousBlank) groups++;
    if (!blank && isParagraphStart(line)) starts++;
    previousBlank = blank;
  }
  return starts >= 2 && starts >= groups * 0.5;
}

function fromSegments(segments: SourceBlock[]): { rank: number | null; lines: string[] }[] {
  return segments.map((s) => ({
    rank: s.type === 'heading' && s.kind ? KIND_RANK[s.kind] : null,
    lines: s.lines,
  }));
}

function fromBlankLines(lines: readonly string[]): { rank: number | null; lines: string[] }[] {
  const out: { rank: number | null; lines: string[] }[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (isBlankLine(line)) {
      current = null;
      continue;
    }
    const rank = current === null || isParagraphStart(line) ? numberedHeadingRank(line) : null;
    if (rank !== null) {
      out.push({ rank, lines: [line] });
      current = null;
      continue;
    }
    if (current === null || isParagraphStart(line)) {
      current = [stripParagraphIndent(line)];
      out.push({ rank: null, lines: current });
    } else current.push(line);
  }
  return out;
}

/** Text pieces with heading ranks → blocks with outline levels. */
export function rankedToBlocks(items: { rank: number | null; lines: string[] }[]): ImportBlock[] {
  const levels = levelsOfRanks(items.flatMap((i) => (i.rank === null ? [] : [i.rank])));
  return items.map((item) =>
    item.rank === null
      ? { role: 'body', level: 0, lines: item.lines }
      : { role: 'heading', level: levels.get(item.rank) ?? 1, lines: item.lines },
  );
}

export function extractText(bytes: Uint8Array, context: AdapterContext): ExtractedDocument {
  const { text, encoding } = decodeText(bytes, context.name);
  if (text.length > context.limits.maxTextChars)
    throw new ImportError(
      'too_large',
      `${context.name}: ${text.length} characters of text, more than the limit of ${context.limits.maxTextChars}`,
    );
  const lines = text.split('\n');
  let items: { rank: number | null; lines: string[] }[];
  if (usesIndentedParagraphs(lines)) {
    try {
      items = fromSegments(segmentSource(text, context.name));
    } catch (err) {
      if (err instanceof ContentBuildError) throw new ImportError('damaged', err.message);
      throw err;
    }
  } else items = fromBlankLines(lines);
  return {
    format: 'text',
    encoding,
    title: null,
    publisher: null,
    author: null,
    date: null,
    writingMode: 'horizontal',
    blocks: rankedToBlocks(items),
    pageLabels: null,
    warnings: [],
  };
}
