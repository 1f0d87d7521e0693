/** The code action providers, in the order their actions are listed. Add a provider here. */
import type { CodeActionProvider } from './codeActions';
import { convertActions } from './convertActions';
import { quickFixProvider } from './quickFixes';

export const CODE_ACTION_PROVIDERS: CodeActionProvider[] = [quickFixProvider, convertActions];
