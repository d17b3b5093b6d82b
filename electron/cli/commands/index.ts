// Registry of CLI commands, in the order `help` lists them.
import type { Command } from '../command';
import { buildContentCommand } from './build-content';
import { readCommand } from './read';
import { searchCommand } from './search';
import { tocCommand } from './toc';

export const commands: Command[] = [buildContentCommand, tocCommand, readCommand, searchCommand];
