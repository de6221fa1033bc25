// Why a script: no tool writes the README's own API tables (its layout, between its markers) from the Custom Elements Manifest.
/**
 * `npm run docs:api`: the README's "Attributes and properties" section, generated from dist/custom-elements.json
 * (run `npm run build` first), between the api:start and api:end markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Member {
  name: string;
  attribute?: string;
  fieldName?: string;
  description?: string;
  default?: string;
  type?: { text: string };
  privacy?: string;
  kind?: string;
  static?: boolean;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  attributes?: Member[];
  members?: Member[];
  events?: Member[];
  slots?: Member[];
  cssParts?: Member[];
}

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const cell = (text = '') => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const lines: string[] = [];
for (const element of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)) {
  lines.push(`#### \`<${element.tagName}>\``, '', cell(element.summary), '');
  lines.push('| attribute | property | type | default | description |', '|---|---|---|---|---|');
  for (const attribute of element.attributes ?? []) {
    const member = element.members?.find((m) => m.name === attribute.fieldName);
    lines.push(
      `| \`${attribute.name}\` | \`${attribute.fieldName ?? ''}\` | \`${cell(attribute.type?.text ?? member?.type?.text)}\` | ${attribute.default ? `\`${cell(attribute.default)}\`` : ''} | ${cell(attribute.description ?? member?.description)} |`,
    );
  }
  const extra = [
    ['events', element.events],
    ['slots', element.slots],
    ['parts', element.cssParts],
  ] as const;
  for (const [label, list] of extra) {
    if (list?.length) lines.push('', `${label}: ${list.map((x) => `\`${x.name || '(default)'}\``).join(', ')}`);
  }
  lines.push('');
}
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- api:start -->';
const end = '<!-- api:end -->';
if (!readme.includes(start) || !readme.includes(end)) throw new Error('README.md has no api:start/api:end markers');
writeFileSync(
  'README.md',
  `${readme.slice(0, readme.indexOf(start) + start.length)}\n${lines.join('\n')}\n${readme.slice(readme.indexOf(end))}`,
);
process.stdout.write(`README.md: ${lines.length} lines of API from the manifest\n`);
