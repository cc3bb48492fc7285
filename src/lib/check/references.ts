import { finding } from './findings.ts';
import { at, type Context } from './rule-context.ts';

/*
 * The rules on what one file says of another: a module's prerequisites, a track's modules, the
 * redirects, and prerequisite cycles. An update's are in update-references.ts.
 */

/** A module's prerequisites are other modules that exist. */
export function prerequisiteReferences({ curriculum: { moduleIds }, modules, findings, unknownModule }: Context): void {
	for (const module of modules) {
		module.prerequisites.forEach((id, i) => {
			if (id === undefined) return;
			if (id === module.id) {
				findings.push(
					finding({
						rule: 'prerequisite-cycle',
						file: module.file,
						...at(module.parsed, ['prerequisites', i]),
						message: `The module "${module.id}" lists itself as a prerequisite.`,
						fix: `Remove "${id}" from \`prerequisites\`.`,
					})
				);
			} else if (!moduleIds.has(id)) unknownModule(id, module.file, module.parsed, ['prerequisites', i], 'The prerequisite');
		});
	}
}

/** A track lists modules that exist, each once, each after its prerequisites in the track. */
export function trackReferences({ curriculum: { moduleIds }, modules, tracks, findings, unknownModule }: Context): void {
	const prerequisitesOf = new Map(modules.map((module) => [module.id, module.prerequisites]));
	for (const track of tracks) {
		const seen = new Set<string>();
		track.modules.forEach((id, i) => {
			if (id === undefined) return;
			if (!moduleIds.has(id)) return unknownModule(id, track.file, track.parsed, ['modules', i], `The track "${track.id}"`);
			if (seen.has(id)) {
				findings.push(
					finding({
						rule: 'duplicate-id',
						file: track.file,
						...at(track.parsed, ['modules', i]),
						message: `The track lists the module "${id}" twice.`,
						fix: `Remove the second "${id}" from \`modules\`.`,
					})
				);
			}
			seen.add(id);
			// Prerequisites in the same track must come earlier, so the path never sends a learner forward.
			for (const prerequisite of prerequisitesOf.get(id) ?? []) {
				const position = prerequisite === undefined ? -1 : track.modules.indexOf(prerequisite);
				if (position > i) {
					findings.push(
						finding({
							rule: 'prerequisite-order',
							file: track.file,
							...at(track.parsed, ['modules', i]),
							message: `"${id}" comes before its prerequisite "${prerequisite}" in the track.`,
							fix: `Move "${prerequisite}" above "${id}" in \`modules\`.`,
						})
					);
				}
			}
		});
	}
}

/** Redirects lead from an id that is gone to a module that exists. */
export function redirectTargets({ curriculum, findings, unknownModule }: Context): void {
	const { moduleIds } = curriculum;
	curriculum.redirects.forEach((redirect, i) => {
		const { file, parsed } = curriculum.redirectsFile!;
		if (moduleIds.has(redirect.from)) {
			findings.push(
				finding({
					rule: 'duplicate-id',
					file,
					...at(parsed, [i, 'from']),
					message: `"${redirect.from}" is redirected, but modules/${redirect.from}.mdx still exists, so the redirect would hide it.`,
					fix: `Remove the redirect, or remove modules/${redirect.from}.mdx.`,
				})
			);
		}
		if (!moduleIds.has(redirect.to)) unknownModule(redirect.to, file, parsed, [i, 'to'], 'The redirect');
	});
}

/** Prerequisite cycles, reported once per cycle at the module where it was found. */
export function prerequisiteCycles({ modules, findings }: Context): void {
	const byId = new Map(modules.map((module) => [module.id, module]));
	const state = new Map<string, 'visiting' | 'done'>();
	const reported = new Set<string>();
	const visit = (id: string, path: string[]) => {
		if (state.get(id) === 'done') return;
		if (state.get(id) === 'visiting') {
			const cycle = [...path.slice(path.indexOf(id)), id];
			const key = [...cycle].slice(0, -1).sort().join(' ');
			if (reported.has(key)) return;
			reported.add(key);
			const module = byId.get(id)!;
			const next = cycle[1]!;
			findings.push(
				finding({
					rule: 'prerequisite-cycle',
					file: module.file,
					...at(module.parsed, ['prerequisites', module.prerequisites.indexOf(next)]),
					message: `Prerequisites form a cycle: ${cycle.join(' → ')}.`,
					fix: `Remove "${next}" from the prerequisites of "${id}" (the line shown), or another link of the cycle, so that the modules can be taken in some order.`,
				})
			);
			return;
		}
		state.set(id, 'visiting');
		for (const prerequisite of byId.get(id)?.prerequisites ?? []) {
			if (prerequisite !== undefined && prerequisite !== id && byId.has(prerequisite)) visit(prerequisite, [...path, id]);
		}
		state.set(id, 'done');
	};
	for (const module of modules) visit(module.id, []);
}
