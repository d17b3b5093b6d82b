// Test-only: the seed white paper cut into sections and paragraphs with a light
// version of the content ingest rules (paragraphs open with U+3000, lines join,
// blank lines are page breaks, heading lines start sections). The search tests use
// it so they run on real text; display texts keep the PDF's spacing artifacts and
// U+FFFD on purpose, which exercises the search normalization hardest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths';
import type { SearchIndexDocument } from '../search/index';

/** The seed as committed in data/sources (byte for byte the file the project was given). */
export const SEED_PATH = path.join(
  repoRoot(),
  'data',
  'sources',
  'meti-white-paper-2023-us-canada.txt',
);
const HEADING = /^( ?第[0-9０-９]+節| 米国第| ?[0-9０-９]+．|＜|\d{4} 年 ?\d+ ?月\u3000)/;
const IDEOGRAPHIC_SPACE = '\u3000';

function isLatinOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

function join(a: string, b: string): string {
  return isLatinOrDigit(a.at(-1)) && isLatinOrDigit(b[0]) ? `${a} ${b}` : a + b;
}

export function seedSections(file = SEED_PATH): SearchIndexDocument[] {
  const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const sections: SearchIndexDocument[] = [{ id: 's0', title: '', paragraphs: [] }];
  let inHeading = false;
  let paragraph: { id: string; text: string } | null = null;
  let count = 0;
  for (const line of lines) {
    const current = sections[sections.length - 1] as SearchIndexDocument;
    if (line.length === 0) {
      inHeading = false;
      continue;
    }
    if (HEADING.test(line)) {
      sections.push({ id: `s${sections.length}`, title: line.trim(), paragraphs: [] });
      inHeading = true;
      paragraph = null;
      continue;
    }
    const unindented = line.replace(/^ +/, '');
    if (unindented.startsWith(IDEOGRAPHIC_SPACE)) {
      inHeading = false;
      paragraph = { id: `p${++count}`, text: unindented.slice(1) };
      current.paragraphs.push(paragraph);
      continue;
    }
    if (inHeading && !line.startsWith(' ')) {
      current.title = join(current.title, line);
      continue;
    }
    if (paragraph) paragraph.text = join(paragraph.text, line);
  }
  return sections.filter((s) => s.paragraphs.length > 0 || s.title.length > 0);
}
