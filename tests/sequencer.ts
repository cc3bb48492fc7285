import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The accessibility sweep over every page of the flagship takes minutes on its own, several times
 * any other file. Started first, it runs beside all the others; left to Vitest's order for a fresh
 * clone (the larger files first), it would start half-way and run alone at the end.
 */
const FIRST = ['tests/browser/flagship.test.ts'];

/** Vitest's order (files that failed or took longest last time, otherwise the larger first), with the sweep at the front. */
export class SweepFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const first = (spec: TestSpecification) => FIRST.includes(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'));
		return [...sorted.filter(first), ...sorted.filter((spec) => !first(spec))];
	}
}
