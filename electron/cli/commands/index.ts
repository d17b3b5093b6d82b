// Registry of CLI commands, in the order `help` lists them.
import type { Command } from '../command';
import { annotationsCommand } from './annotations';
import { backupCommand } from './backup';
import { bookmarksCommand } from './bookmarks';
import { buildContentCommand } from './build-content';
import { exportCommand } from './export';
import { glossaryCommand } from './glossary';
import { importCommand } from './import';
import { libraryCommand } from './library';
import { readCommand } from './read';
import { searchCommand } from './search';
import { tocCommand } from './toc';

export const commands: Command[] = [
  buildContentCommand,
  tocCommand,
  readCommand,
  searchCommand,
  glossaryCommand,
  bookmarksCommand,
  annotationsCommand,
  exportCommand,
  importCommand,
  libraryCommand,
  backupCommand,
];
