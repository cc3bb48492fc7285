import { finding, type Finding } from './findings.ts';
import type { Curriculum } from '../curriculum/load.ts';
import { bodyHeadings, moduleSectionIds, UPDATE_ANCHORS, type SectionId } from './site-pages.ts';
import { schemaFailedDocuments } from './schema-failed.ts';

/** What each section a page adds holds, and a heading to write instead of one that takes its id. */
// Typed by the ids the pages add, so that a section added there without its words here fails the type-check.
const SECTIONS: Record<SectionId, { holds: string; instead: string }> = {
	outcomes: { holds: 'the learning outcomes', instead: 'What you will practise' },
	'knowledge-check': { holds: 'the knowledge check', instead: 'Check yourself' },
	sources: { holds: 'the list of sources', instead: 'Further sources' },
	changelog: { holds: 'the changelog', instead: 'What changed' },
	'embed-or-cite': { holds: '"Embed or cite"', instead: 'Using this module in a course' },
	'affected-modules': { holds: 'the affected modules', instead: 'Modules this touches' },
};

/** A body a reader sees, with the ids of the sections its page adds around it. */
interface Page {
	document: { file: string; body: string; bodyLine: number };
	sections: readonly SectionId[];
	page: 'module' | 'update';
}

/**
 * A body heading whose id is one the page gives a section of its own (the outcomes, the knowledge
 * check, the sources, the changelog, "Embed or cite"; an update's affected modules and sources):
 * the page would hold two elements with that id, and a link to it would lead to only one. The ids
 * are the ones the link check gives the headings (`bodyHeadings`), so the two agree. An archived
 * major is left as it was released. A file whose frontmatter failed its schema is held to the sections
 * its page is sure to add: a knowledge check or sources that cannot be read yet are left out.
 */
export function checkSectionIds(curriculum: Curriculum): Finding[] {
	const originals = new Map(curriculum.modules.map((module) => [module.id, module.data]));
	const documents: Page[] = [
		...curriculum.modules.map((module) => ({ document: module, sections: moduleSectionIds(module.data), page: 'module' as const })),
		...curriculum.updates.map((update) => ({ document: update, sections: UPDATE_ANCHORS, page: 'update' as const })),
		...curriculum.translations.flatMap((translation): Page[] => {
			if (translation.kind === 'track') return [];
			if (translation.kind === 'update') return [{ document: translation, sections: UPDATE_ANCHORS, page: 'update' }];
			const original = originals.get(translation.id);
			return original ? [{ document: translation, sections: moduleSectionIds(original), page: 'module' }] : [];
		}),
		...schemaFailedDocuments(curriculum).flatMap((document): Page[] => {
			if (document.kind === 'archive') return [];
			if (document.kind === 'update') return [{ document, sections: UPDATE_ANCHORS, page: 'update' }];
			// A translation's page shows its original's knowledge check and sources.
			const original = document.locale === undefined ? undefined : originals.get(document.id);
			if (original) return [{ document, sections: moduleSectionIds(original), page: 'module' }];
			if (document.locale !== undefined) return [];
			// A list left out, or not yet a list, is taken as empty: only a section the page is sure to add is held against a heading.
			const list = (value: unknown) => (Array.isArray(value) ? value : []);
			return [{ document, sections: moduleSectionIds({ quiz: list(document.fields.quiz), sources: list(document.fields.sources) }), page: 'module' }];
		}),
	];
	const findings: Finding[] = [];
	for (const { document, sections, page } of documents) {
		const taken = new Set<string>(sections);
		for (const heading of bodyHeadings(document.body)) {
			if (!taken.has(heading.slug)) continue;
			const section = SECTIONS[heading.slug as SectionId];
			const hashes = /^#+/.exec(heading.line)![0];
			findings.push(
				finding({
					rule: 'duplicate-section-id',
					file: document.file,
					line: document.bodyLine + heading.index,
					column: 1,
					message: `The heading "${heading.line.trim()}" gets the id "${heading.slug}", but the ${page} page already has a section with that id, ${section.holds}: the page would have two elements with id="${heading.slug}", and a link to #${heading.slug} would find only one.`,
					fix: `Rename the heading, such as "${hashes} ${section.instead}".`,
				})
			);
		}
	}
	return findings;
}
