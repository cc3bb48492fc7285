import { finding, type Finding } from './findings.ts';
import type { ParsedYaml } from '../curriculum/frontmatter.ts';
import { ID_PATTERN } from '../curriculum/schema/common.ts';
import { at, type Context } from './rule-context.ts';
import { suggestion } from './suggestion.ts';

/**
 * Levels and platforms must be ones the config lists: in every module, archive and update, and in
 * those whose frontmatter failed its schema, wherever their level and platforms are still text.
 */
export function configValues({ curriculum: { config, modules, archives, updates }, failed, findings }: Context): void {
	if (!config) return;
	const levels = new Set(config.levels.map((level) => level.id));
	const platforms = new Set(config.platforms.map((platform) => platform.id));
	const check = (file: string, parsed: ParsedYaml, level: unknown, named: unknown) => {
		if (typeof level === 'string' && !levels.has(level)) {
			findings.push(
				finding({
					rule: 'unknown-value',
					file,
					...at(parsed, ['level']),
					message: `The level "${level}" is not one of the curriculum's levels.`,
					fix: suggestion(level, [...levels]) ?? `Use one of: ${[...levels].join(', ')}; or add it to \`levels\` in curriculum.yaml.`,
				})
			);
		}
		if (!Array.isArray(named)) return;
		named.forEach((platform, i) => {
			if (typeof platform === 'string' && !platforms.has(platform)) findings.push(unknownPlatform(platform, file, parsed, ['platforms', i], platforms));
		});
	};
	for (const entry of [...modules, ...archives]) check(entry.file, entry.parsed, entry.data.level, entry.data.platforms);
	for (const update of updates) check(update.file, update.parsed, undefined, update.data.platforms);
	// Only values of an id's form: the schema has already reported any other, at the same line.
	const id = (value: unknown) => (typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined);
	// A translation's level and platforms are its original's: a translation that names any has the schema's finding for it.
	for (const { locale, file, parsed, fields } of failed) {
		if (locale === undefined && parsed) check(file, parsed, id(fields.level), Array.isArray(fields.platforms) ? fields.platforms.map(id) : undefined);
	}
}

function unknownPlatform(platform: string, file: string, parsed: ParsedYaml, path: PropertyKey[], known: Set<string>): Finding {
	return finding({
		rule: 'unknown-value',
		file,
		...at(parsed, path),
		message: `The platform "${platform}" is not in the curriculum's platforms.`,
		fix: suggestion(platform, [...known]) ?? `Use one of: ${[...known].join(', ')}; or add it to \`platforms\` in curriculum.yaml.`,
	});
}
