// Integration: the glossary, other names and citation data go through the real content
// build into a real SQLite file, come back through the read-only store, and a bad
// curation or metadata entry fails the build naming it while the old database stays.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/api/contract';
import { CITATION_ARTIFACT } from '../citation/artifact';
import { readCitationSource } from '../citation/read';
import { searchIndexArtifact } from '../search/artifact';
import { staleReason } from '../content/ensure';
import { openContentStore } from '../content/store';
import { buildContentDb } from '../ingest/build';
import { ContentBuildError } from '../ingest/errors';
import { leftoverTempFiles, makeTempContent, type TempContent } from '../testing/temp-content';
import { SEARCH_ARTIFACT, SEARCH_COPY_ARTIFACT } from '../search/artifact';
import { GLOSSARY_ARTIFACT, OTHER_NAMES_ARTIFACT } from './artifacts';
import expected from './chapter-glossary.expected.json';
import { readGlossary, readOtherNames } from './read';
import { citationSource } from '../../common/export/notes.fixture';

let temp: TempContent;
beforeEach(() => {
  temp = makeTempContent();
});
afterEach(() => temp.cleanup());

const editJson = (file: string, change: (value: Record<string, unknown>) => void) => {
  const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(value);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
};

describe('the content build stores the glossary, other names and citation data', () => {
  it('reads them back from the read-only store, the glossary equal to the committed list', () => {
    const result = buildContentDb({ inputs: temp.inputs, dbPath: temp.dbPath });
    expect(Object.keys(result.artifacts)).toEqual([
      CITATION_ARTIFACT,
      GLOSSARY_ARTIFACT,
      OTHER_NAMES_ARTIFACT,
      SEARCH_COPY_ARTIFACT,
      SEARCH_ARTIFACT,
    ]);
    const store = openContentStore(temp.dbPath);
    try {
      expect(readGlossary(store)).toEqual(expected.glossary);
      expect(readOtherNames(store)[0]?.names).toEqual(['インフレ削減法', 'インフレ抑制法', 'IRA']);
      expect(readCitationSource(store)).toEqual(citationSource);
    } finally {
      store.close();
    }
    expect(staleReason(temp.dbPath, temp.inputs)).toBeNull();
  });

  it('is byte-identical when built twice from the same inputs', () => {
    const first = buildContentDb({ inputs: temp.inputs, dbPath: temp.dbPath });
    const second = buildContentDb({ inputs: temp.inputs, dbPath: `${temp.dir}/again.sqlite` });
    expect(second.dbSha256).toBe(first.dbSha256);
  });

  it('rebuilds a database made before these artifacts existed', () => {
    buildContentDb({ inputs: temp.inputs, dbPath: temp.dbPath, builders: [searchIndexArtifact] });
    expect(staleReason(temp.dbPath, temp.inputs)).toBe('artifact set changed');
  });
});

describe('a bad entry fails the build, names itself, and keeps the previous database', () => {
  const expectFailure = (damage: () => void, message: string | RegExp) => {
    buildContentDb({ inputs: temp.inputs, dbPath: temp.dbPath });
    const before = fs.readFileSync(temp.dbPath);
    damage();
    let error: unknown;
    try {
      buildContentDb({ inputs: temp.inputs, dbPath: temp.dbPath });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ContentBuildError);
    expect((error as Error).message).toMatch(message);
    expect(fs.readFileSync(temp.dbPath).equals(before)).toBe(true);
    expect(leftoverTempFiles(temp.dir)).toEqual([]);
  };

  it('an editorial abbreviation the text never uses', () =>
    expectFailure(
      () =>
        editJson(temp.inputs.curationPath, (c) => {
          (c.glossary as { editorial: unknown[] }).editorial.push({
            abbreviation: 'OECD',
            longForm: '経済協力開発機構',
          });
        }),
      /^artifact "glossary": build failed: .*meti-white-paper-2023-us-canada\.json: glossary\.editorial\[10\] \(OECD\): "OECD" does not occur in the text$/,
    ));

  it('an unknown key in a glossary entry', () =>
    expectFailure(
      () =>
        editJson(temp.inputs.curationPath, (c) => {
          (c.glossary as { editorial: Record<string, unknown>[] }).editorial[0]!.expansion = 'x';
        }),
      /meti-white-paper-2023-us-canada\.json: glossary\.editorial\.0: Unrecognized key: "expansion"/,
    ));

  it('a name listed in two other-names groups', () =>
    expectFailure(
      () =>
        editJson(temp.inputs.curationPath, (c) => {
          (c.otherNames as unknown[]).push({ names: ['CHIPS法', 'チップス法'] });
        }),
      /otherNames\[8\] \(CHIPS法\): "CHIPS法" is already listed \(otherNames\[1\] \(CHIPSおよび科学法\)\)/,
    ));

  it('a citation entry for a section that does not exist', () =>
    expectFailure(
      () =>
        editJson(temp.inputs.metadataPath, (m) => {
          (m.citation as { sections: { section: string }[] }).sections[1]!.section = 'kanada';
        }),
      /meti-white-paper-2023-us-canada\.json: citation\.sections\[1\] \(kanada\): no section has this id/,
    ));

  it('a page URL that is not https', () =>
    expectFailure(
      () =>
        editJson(temp.inputs.metadataPath, (m) => {
          (m.citation as { sections: { url?: string }[] }).sections[0]!.url =
            'http://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html';
        }),
      /citation\.sections\.0\.url: a page URL is an https:\/\/ URL/,
    ));
});

describe('reading refuses what this code did not write', () => {
  const store = (artifact: { version: string; body: string | Uint8Array } | null) => ({
    path: 'content.sqlite',
    artifact: () => artifact,
  });
  const refused = (read: () => unknown, message: RegExp) => {
    let error: unknown;
    try {
      read();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('unavailable');
    expect((error as Error).message).toMatch(message);
  };

  it('a missing, other-version, truncated or wrongly shaped artifact', () => {
    refused(() => readGlossary(store(null)), /content\.sqlite has no glossary; rebuild/);
    refused(
      () => readGlossary(store({ version: 'glossary-0', body: '[]' })),
      /built by glossary-0, this app needs glossary-1/,
    );
    refused(
      () => readGlossary(store({ version: 'glossary-1', body: '[{"abbr' })),
      /the glossary in content\.sqlite is not valid JSON/,
    );
    refused(
      () => readOtherNames(store({ version: 'other-names-1', body: '[{"names":["IRA"]}]' })),
      /the other-names in content\.sqlite is damaged \(0\.names: /,
    );
    refused(
      () =>
        readCitationSource(store({ version: 'citation-1', body: new TextEncoder().encode('{}') })),
      /the citation in content\.sqlite is damaged/,
    );
  });
});
