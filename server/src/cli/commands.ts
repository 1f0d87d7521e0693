/** Every CLI command. Add a command here. */
import { Command } from './command';
import { convertCommand } from './convertCommand';
import { exportCommand } from './exportCommand';
import { checkCommand, lintCommand } from './lintCommand';
import { outlineCommand } from './outlineCommand';

export const COMMANDS: readonly Command[] = [outlineCommand, lintCommand, checkCommand, convertCommand, exportCommand];
