/**
 * The versions of a track's modules that were current on a given day, for a certificate that names
 * what a class studied rather than what the curriculum holds when the certificate is issued. A
 * module's changelog is its release history (newest first, each entry dated), so the version current
 * on a day is that of the newest entry dated on or before it.
 *
 * The track's list of modules is today's: tracks keep no history, so a certificate always names
 * every module the track has now, and a day before one of them was first released is refused.
 */
import { isDraft, majorOf } from '../curriculum/versions.ts';

/** One module of a track with what is needed to name any of its versions. */
export interface ModuleHistory {
	id: string;
	/** The module's title now. */
	title: string;
	/** The module's version now. */
	version: string;
	/** Its releases, newest first, as its changelog lists them. */
	releases: readonly { version: string; date: string }[];
	/** The title each archived major version had, from `archive/<id>/v<major>.mdx`. */
	archivedTitles: ReadonlyMap<number, string>;
}

/** A module as a certificate names it: its id, its title at that version, and the version. */
export interface ModuleVersion {
	id: string;
	title: string;
	version: string;
}

/** A track, named in a refusal. */
export interface TrackName {
	id: string;
	title: string;
}

/**
 * Each module's version on `day` (`YYYY-MM-DD`), or why there is none: the words say what is wrong and
 * the earliest day that would do, to follow a prefix such as `--as-of: ` or a roster line.
 */
export function versionsOn(track: TrackName, modules: readonly ModuleHistory[], day: string): { modules: ModuleVersion[] } | { problem: string } {
	const found: ModuleVersion[] = [];
	const unreleased: { module: ModuleHistory; first: string }[] = [];
	for (const module of modules) {
		const release = module.releases.find((entry) => entry.date <= day);
		// A draft (below 1.0.0) has no permanent address to name as evidence, and may change in any
		// release, so a certificate counts a module as released from its first 1.0.0 or later.
		if (!release || isDraft(release.version)) {
			unreleased.push({ module, first: firstRelease(module) });
			continue;
		}
		found.push({ id: module.id, title: titleAt(module, release.version), version: release.version });
	}
	if (unreleased.length === 0) return { modules: found };
	// A module still a draft today has no day to offer: it must be released first.
	const drafts = unreleased.filter(({ first }) => first === '').map(({ module }) => module);
	if (drafts.length > 0) {
		const [draft] = drafts as [ModuleHistory];
		const which = drafts.length === 1 ? `the module “${draft.title}” (${draft.id}) is` : `the modules ${drafts.map((module) => `“${module.title}” (${module.id})`).join(', ')} are`;
		return {
			problem: `Of the track “${track.title}” (${track.id}), ${which} still a draft, below version 1.0.0, with no permanent address for a certificate to name. Issue once ${drafts.length === 1 ? 'it is' : 'they are'} released: \`npm run release -- ${draft.id} major "First release."\`.`,
		};
	}

	// "Released" is at 1.0.0 or later: a module that was a draft on the day is named by its first release too.
	const named = ({ module, first }: (typeof unreleased)[number]) => `“${module.title}” (${module.id}), first released on ${first}`;
	// The first day on which every module of the track had a release.
	const complete = modules.map(firstRelease).reduce((latest, date) => (date > latest ? date : latest), '');
	const fix = `A certificate names a version of every module the track has, so give a day on or after ${complete}, when the last of them was first released.`;
	if (unreleased.length === modules.length) {
		const first = unreleased.reduce((soonest, entry) => (entry.first < soonest.first ? entry : soonest));
		return { problem: `On ${day} the track “${track.title}” (${track.id}) did not exist yet: none of its modules had been released, the first of them to be released being ${named(first)}. ${fix}` };
	}
	if (unreleased.length === 1) {
		const [{ module, first }] = unreleased as [(typeof unreleased)[number]];
		return { problem: `On ${day} the module “${module.title}” (${module.id}) of the track “${track.title}” (${track.id}) had not been released yet: it was first released on ${first}. ${fix}` };
	}
	const listed = unreleased.map(named);
	return { problem: `On ${day} these modules of the track “${track.title}” (${track.id}) had not been released yet: ${listed.slice(0, -1).join('; ')}; and ${listed.at(-1)}. ${fix}` };
}

/**
 * A module's title at one of its versions: an older major's is the one its archived page keeps; within
 * a major, titles keep no history, so it is today's.
 */
export function titleAt(module: ModuleHistory, version: string): string {
	const major = majorOf(version);
	return major === majorOf(module.version) ? module.title : (module.archivedTitles.get(major) ?? module.title);
}

/** The day of a module's first release at 1.0.0 or later (its drafts before it do not count), or '' when it has none yet. */
function firstRelease(module: ModuleHistory): string {
	return module.releases.findLast((entry) => !isDraft(entry.version))?.date ?? '';
}
