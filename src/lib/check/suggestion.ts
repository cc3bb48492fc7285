import { editDistance } from '../curriculum/edit-distance.ts';

/** "Did you mean" for a mistyped id, when one known id is close. */
export function suggestion(id: string, known: string[]): string | undefined {
	const close = known
		.map((candidate) => ({ candidate, distance: editDistance(candidate, id) }))
		.filter(({ distance: d }) => d <= Math.max(2, Math.floor(id.length / 4)))
		.sort((a, b) => a.distance - b.distance)[0];
	return close ? `Did you mean "${close.candidate}"?` : undefined;
}
