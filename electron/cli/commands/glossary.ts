// `glossary [--json]`: the document's abbreviations as the core gives them — those the
// text defines, in the order it first does (with where), then the ones it uses without
// defining them, expanded by the editors and marked so. JSON: the stored entries
// [{"abbreviation","longForm","origin","via","definedAt","variants"[,"longFormEn","note"]}].
import type { Command } from '../command';

export const glossaryCommand: Command = {
  name: 'glossary',
  summary: 'List the abbreviations the text defines (and the editors’ additions)',
  usage: 'hakusho glossary [--json]',
  maxPositionals: 0,
  data: 'reads',
  async run(input, session, io) {
    const glossary = await session.call('getGlossary', {});
    if (input.json) {
      io.out(JSON.stringify(glossary, null, 2));
      return 0;
    }
    if (glossary.length === 0) {
      io.out('no abbreviations');
      return 0;
    }
    const width = Math.max(...glossary.map((e) => e.abbreviation.length));
    io.out(
      glossary
        .map((e) => {
          const where = e.definedAt
            ? `defined in ${e.definedAt.paragraphId ?? `the heading of ${e.definedAt.sectionId}`}`
            : 'editorial (not defined in the text)';
          const english = e.longFormEn ? ` (${e.longFormEn})` : '';
          return `${e.abbreviation.padEnd(width)}  ${e.longForm}${english}  — ${where}`;
        })
        .join('\n'),
    );
    return 0;
  },
};
