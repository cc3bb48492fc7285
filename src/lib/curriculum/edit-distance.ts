/** How many letters must be added, removed or changed to make one text the other (Levenshtein): a misspelling is one or two. */
export function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const temp = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = temp;
		}
	}
	return row[b.length]!;
}

/**
 * The same, except that two neighbouring letters typed the wrong way round count as one change
 * ("instagarm" is one from "instagram", as a typist made one slip): the optimal string alignment
 * distance, for a reader's typing rather than a file name.
 */
export function typingDistance(a: string, b: string): number {
	// Three rows of the table: the one two letters of `a` back, the one before, and this one.
	let before = Array.from({ length: b.length + 1 }, () => 0);
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
			current.push(best);
		}
		[before, previous] = [previous, current];
	}
	return previous[b.length]!;
}
