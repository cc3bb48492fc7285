import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The accessibility sweep over every page of the flagship takes minutes on its own, several times
 * any other file. Started first, it runs beside all the others; left to Vitest's order for a fresh
 * clone (the larger files first), it would start half-way and run alone at the end.
 */
const FIRST = ['tests/browser/flagship.test.ts'];

/**
 * Then the other files that take a minute or more in a run, whatever their size: small files come
 * last in Vitest's order, and one of these started at the end would keep a worker busy while the
 * other has nothing left to do (the bench at twelve modules, three builds; the type-check; six
 * builds of the incremental test).
 */
const EARLY = ['tests/bench.test.ts', 'tests/typecheck.test.ts', 'tests/incremental.test.ts', 'tests/audit.test.ts'];

/** Vitest's order (files that failed or took longest last time, otherwise the larger first), with the sweep and then the long files at the front. */
export class SweepFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const rank = (spec: TestSpecification) => {
			const path = relative(spec.project.config.root, spec.moduleId).split('\\').join('/');
			return FIRST.includes(path) ? 0 : EARLY.includes(path) ? 1 + EARLY.indexOf(path) : 1 + EARLY.length;
		};
		// A stable sort: within a rank, Vitest's order stands.
		return sorted.map((spec, index) => ({ spec, index })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index).map(({ spec }) => spec);
	}
}
