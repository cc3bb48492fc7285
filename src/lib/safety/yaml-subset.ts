/**
 * YAML as plain data. The check reads YAML with the `yaml` package and Astro reads frontmatter with
 * `js-yaml`; the two agree on mappings, lists and plain values but not on YAML's other features:
 * tags build different things in each (and `!!js/…` tags build functions in some readers),
 * `<<` merges fields in one and is an ordinary key in the other, anchors and aliases can repeat a
 * value until a reader runs out of memory, and a `%YAML 1.1` directive changes what `yes` or `012`
 * means. Refusing those features keeps a file meaning the same thing to every reader.
 */
import { isAlias, isCollection, isPair, isScalar, visit, type Document, type LineCounter } from 'yaml';
import { finding, type Finding } from '../check/findings.ts';

export const YAML_SUBSET_RULES: Record<string, { title: string; description: string }> = {
	'yaml-subset': {
		title: 'YAML is plain data',
		description:
			'Frontmatter and YAML files hold plain data only: fields, lists, text, numbers, dates and true or false. YAML’s other features are refused: tags (`!!binary`, `!foo`), anchors and aliases (`&name`, `*name`), merge keys (`<<`), lists or mappings used as keys, directives such as `%YAML 1.1`, and more than one document in a file. The check and the site builder read YAML with different libraries, which treat those features differently, so a file using them could pass the check and be built as something else. Write each value out in full where it is needed.',
	},
};

const CORE_TAG = 'tag:yaml.org,2002:';

/** A tag as the author wrote it: `!!binary` rather than the resolved `tag:yaml.org,2002:binary`. */
function showTag(tag: string): string {
	return tag.startsWith(CORE_TAG) ? `!!${tag.slice(CORE_TAG.length)}` : tag;
}

const REPEAT_FIX =
	'Write the value out in full everywhere it is needed: the YAML readers of the check and of the build treat anchors differently, and aliases can repeat a value many times over.';

/** A finding at a node's offset in the YAML. */
type Refuse = (offset: number, message: string, fix: string) => Finding;

/**
 * Refuses the YAML features beyond plain data in a parsed document, each at its node's line.
 * `lineOffset` is the number of lines before the YAML in its file (1 for frontmatter).
 */
export function checkYamlSubset(doc: Document, lines: LineCounter, file: string, lineOffset: number): Finding[] {
	const refuse: Refuse = (offset, message, fix) => {
		const pos = lines.linePos(offset);
		return finding({ rule: 'yaml-subset', file, line: pos.line + lineOffset, column: pos.col, message, fix });
	};
	return [...extraDocuments(doc, refuse), ...directives(doc, file, lineOffset), ...beyondPlainData(doc, refuse)];
}

/** Each `---` or `...` line that starts a second document. */
function extraDocuments(doc: Document, refuse: Refuse): Finding[] {
	return doc.errors
		.filter((error) => error.code === 'MULTIPLE_DOCS')
		.map((error) =>
			refuse(
				error.pos[0],
				'The YAML holds more than one document: a `---` or `...` line ends the first one here.',
				'Keep all fields in one block: remove the `---` or `...` line and the repeated fields after it.'
			)
		);
}

/** `%YAML` and `%TAG` directives, which come before the document's content and so are reported on its first line. */
function directives(doc: Document, file: string, lineOffset: number): Finding[] {
	const findings: Finding[] = [];
	const directives = doc.directives;
	const start = { line: lineOffset + 1, column: 1 };
	if (directives?.yaml.explicit) {
		findings.push(
			finding({
				rule: 'yaml-subset',
				file,
				...start,
				message: `The directive \`%YAML ${directives.yaml.version}\` is not allowed.`,
				fix: 'Remove the line starting with `%YAML`: the readers differ in what YAML versions mean for values such as yes, no and 012.',
			})
		);
	}
	const handles = Object.keys(directives?.tags ?? {}).filter((handle) => handle !== '!!' && handle !== '!');
	if (handles.length > 0) {
		findings.push(
			finding({
				rule: 'yaml-subset',
				file,
				...start,
				message: `The directive \`%TAG ${handles[0]}\` is not allowed.`,
				fix: 'Remove the line starting with `%TAG`, and the tags that use it.',
			})
		);
	}
	return findings;
}

/** Keys that are lists or mappings, merge keys, aliases, tags and anchors, in the order they appear. */
function beyondPlainData(doc: Document, refuse: Refuse): Finding[] {
	const findings: Finding[] = [];
	visit(doc, {
		Pair(_key, pair) {
			const key = pair.key;
			if (isCollection(key)) {
				findings.push(
					refuse(
						key.range?.[0] ?? 0,
						'A key is a list or a mapping; keys must be plain names.',
						'Write the key as a plain name followed by a colon, like `title:`, and put the list or fields in its value.'
					)
				);
			} else if (isScalar(key) && key.value === '<<') {
				findings.push(
					refuse(
						key.range?.[0] ?? 0,
						'The merge key `<<` is not allowed.',
						'Write the fields out in full instead: one YAML reader merges `<<` fields into the mapping and the other reads `<<` as an ordinary field.'
					)
				);
			}
		},
		Node(_key, node, path) {
			// A block list or mapping starts on the line after its key, where the tag or anchor is written.
			const parent = path[path.length - 1];
			const key = isCollection(node) && isPair(parent) && parent.value === node && isScalar(parent.key) ? parent.key : null;
			const offset = (key ?? node).range?.[0] ?? 0;
			if (isAlias(node)) {
				findings.push(refuse(offset, `The alias \`*${node.source}\` is not allowed.`, REPEAT_FIX));
				return;
			}
			if (node.tag) {
				findings.push(
					refuse(
						offset,
						`The value is tagged \`${showTag(node.tag)}\`; YAML tags are not allowed.`,
						'Remove the tag and write plain data: text, a number, a date, true or false, a list or fields. A text value that starts with "!" goes in quotes, like "!important".'
					)
				);
			}
			if (node.anchor) findings.push(refuse(offset, `The anchor \`&${node.anchor}\` is not allowed.`, REPEAT_FIX));
		},
	});
	return findings;
}
