// The glossary and other-names table as hosts read them from the content store
// (the contract method, the CLI and the renderer's pop-ups all start here). A content
// database built without them (a document a reader imported) has an empty glossary;
// stored data that is damaged or of another version is an error that says to rebuild.
import {
  glossarySchema,
  otherNamesSchema,
  type GlossaryEntry,
  type OtherNamesGroup,
} from '../../common/glossary/types';
import { readJsonArtifact } from '../content/json-artifact';
import type { ContentStore } from '../content/store-types';
import {
  GLOSSARY_ARTIFACT,
  GLOSSARY_VERSION,
  OTHER_NAMES_ARTIFACT,
  OTHER_NAMES_VERSION,
} from './artifacts';

type Store = Pick<ContentStore, 'artifact' | 'path'>;

export function readGlossary(store: Store): GlossaryEntry[] {
  return readJsonArtifact(store, GLOSSARY_ARTIFACT, GLOSSARY_VERSION, glossarySchema);
}

export function readOtherNames(store: Store): OtherNamesGroup[] {
  return readJsonArtifact(store, OTHER_NAMES_ARTIFACT, OTHER_NAMES_VERSION, otherNamesSchema);
}

/** The stored glossary, or none when the content has no glossary at all. */
export function glossaryOf(store: Store): GlossaryEntry[] {
  return store.artifact(GLOSSARY_ARTIFACT) ? readGlossary(store) : [];
}

/** The stored other-names groups, or none when the content has none at all. */
export function otherNamesOf(store: Store): OtherNamesGroup[] {
  return store.artifact(OTHER_NAMES_ARTIFACT) ? readOtherNames(store) : [];
}
