/** `npm run generate`: rewrites docs/rules.md, schemas/newsmarkrc.schema.json and the rule settings in package.json. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/core/rules';
import { renderConfigSchema, renderRulesMarkdown, renderRuleSettings } from './ruleDocs';

const root = path.resolve(__dirname, '..');
fs.writeFileSync(path.join(root, 'docs/rules.md'), renderRulesMarkdown(RULES));
fs.writeFileSync(path.join(root, 'schemas/newsmarkrc.schema.json'), renderConfigSchema(RULES));

const packagePath = path.join(root, 'package.json');
const pkg = JSON.parse(fs.readFileSync(packagePath, 'utf8'));
const properties: Record<string, unknown> = pkg.contributes.configuration.properties;
for (const key of Object.keys(properties)) if (key.startsWith('newsmark.rules.')) delete properties[key];
Object.assign(properties, renderRuleSettings(RULES));
fs.writeFileSync(packagePath, JSON.stringify(pkg, null, 2) + '\n');
