// The glossary of a document: what the extractor finds in the text, plus the
// curation's definitions and editorial entries, checked against each other and the
// text. One entry per abbreviation (compared after NFKC, so ＩＲＡ is IRA), placed at
// its first definition in reading order; text entries come in that order, editorial
// ones after them in the curation's order. Pure and deterministic.
import type { DefinitionSite, GlossaryEntry } from '../../common/glossary/types';
import { ContentBuildError } from '../ingest/errors';
import { findDefinition, textsOf, usedInText, type GlossaryCuration } from './curation';
import { extractDefinitions, siteOf, type TextSection } from './extract';

const keyOf = (abbreviation: string) => abbreviation.normalize('NFKC');
const siteKey = (d: { sectionId: string; paragraphId: string | null }) =>
  `${d.sectionId}\u0000${d.paragraphId ?? ''}`;

function place(d: { sectionId: string; paragraphId: string | null }): string {
  return d.paragraphId ?? `the heading of ${d.sectionId}`;
}

/** Builds the glossary; throws ContentBuildError naming the curation entry at fault. */
export function buildGlossary(
  sections: readonly TextSection[],
  curation: GlossaryCuration,
  file: string,
): GlossaryEntry[] {
  const matches = extractDefinitions(sections);
  const found = new Map<string, GlossaryEntry>();
  for (const m of matches) {
    const key = keyOf(m.abbreviation);
    const known = found.get(key);
    if (known) {
      if (m.longForm !== known.longForm && !known.variants.includes(m.longForm))
        known.variants.push(m.longForm);
      continue;
    }
    found.set(key, {
      abbreviation: m.abbreviation,
      longForm: m.longForm,
      origin: 'text',
      via: 'rule',
      definedAt: siteOf(m),
      variants: [],
    });
  }

  const curated = new Set<string>();
  const claim = (label: string, abbreviation: string) => {
    const key = keyOf(abbreviation);
    if (curated.has(key))
      throw new ContentBuildError(`${file}: ${label}: "${abbreviation}" is listed twice`);
    curated.add(key);
  };

  curation.definitions.forEach((c, i) => {
    const label = `glossary.definitions[${i}] (${c.abbreviation})`;
    claim(label, c.abbreviation);
    const site = findDefinition(sections, c.abbreviation, c.longForm);
    if (!site)
      throw new ContentBuildError(
        `${file}: ${label}: the text never writes "${c.longForm}（${c.abbreviation}）"; an abbreviation the text does not define belongs in glossary.editorial`,
      );
    const known = found.get(keyOf(c.abbreviation));
    if (known && known.longForm === c.longForm)
      throw new ContentBuildError(
        `${file}: ${label}: the extractor already finds this definition (${place(site)}); remove the entry`,
      );
    // The curated long form replaces the rule's (which it corrects).
    found.set(keyOf(c.abbreviation), {
      abbreviation: c.abbreviation,
      longForm: c.longForm,
      origin: 'text',
      via: 'curation',
      definedAt: site,
      variants: (known?.variants ?? []).filter((v) => v !== c.longForm),
      ...(c.note !== undefined ? { note: c.note } : {}),
    });
  });

  const editorial: GlossaryEntry[] = curation.editorial.map((c, i) => {
    const label = `glossary.editorial[${i}] (${c.abbreviation})`;
    claim(label, c.abbreviation);
    const defined = found.get(keyOf(c.abbreviation));
    if (defined?.definedAt)
      throw new ContentBuildError(
        `${file}: ${label}: the text defines it (${place(defined.definedAt)}); remove the entry`,
      );
    if (!usedInText(sections, c.abbreviation))
      throw new ContentBuildError(
        `${file}: ${label}: "${c.abbreviation}" does not occur in the text`,
      );
    return {
      abbreviation: c.abbreviation,
      longForm: c.longForm,
      ...(c.longFormEn !== undefined ? { longFormEn: c.longFormEn } : {}),
      origin: 'editorial',
      via: 'curation',
      definedAt: null,
      variants: [],
      ...(c.note !== undefined ? { note: c.note } : {}),
    };
  });

  // Text entries in the order of their definitions (a curated one among the rule's).
  const position = new Map(textsOf(sections).map((t, i) => [siteKey(t), i]));
  const rank = (e: GlossaryEntry) => {
    const site = e.definedAt as DefinitionSite;
    return [position.get(siteKey(site)) ?? 0, site.abbreviationStart];
  };
  const fromText = [...found.values()].sort((a, b) => {
    const [ta, oa] = rank(a) as [number, number];
    const [tb, ob] = rank(b) as [number, number];
    return ta - tb || oa - ob;
  });
  return [...fromText, ...editorial];
}
