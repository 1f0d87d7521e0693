/** The code action providers, in the order their actions are listed. Add a provider here. */
import type { CodeActionProvider } from './codeActions';
import { convertActions } from './convertActions';

export const CODE_ACTION_PROVIDERS: CodeActionProvider[] = [convertActions];
