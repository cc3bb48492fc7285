/**
 * Migrations carry stored data from the shape an earlier version of the site wrote to the shape this
 * version reads. Each migration takes data of one version and returns data of the next, so a chain
 * of them brings data of any earlier version up to date one step at a time.
 */
import { isObject, PROGRESS_VERSION } from './basics.ts';

/** Stored data as JSON gives it: an object with a `version` and whatever that version held. */
export type Versioned = Record<string, unknown> & { version: number };

/**
 * Migrations by the version they read: `migrations[n]` turns version `n` into version `n + 1` and
 * sets `version` to `n + 1`.
 */
export type Migrations = Readonly<Record<number, (data: Versioned) => Versioned>>;

/**
 * The migrations of progress and visits. Version 1 is the first shape, so there are none yet. When
 * the shape changes, add `1: (data) => ({ ...changed, version: 2 })`, raise PROGRESS_VERSION, and
 * teach `peek.ts` the new shape.
 */
export const MIGRATIONS: Migrations = {};

export type VersionCheck = { ok: true; version: number } | { ok: false; problem: 'unversioned' | 'future'; version?: number };

/** Whether data names a shape version this site can read: its own, or an earlier one it can migrate. */
export function checkVersion(data: unknown, current = PROGRESS_VERSION): VersionCheck {
	const version = isObject(data) ? data.version : undefined;
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return { ok: false, problem: 'unversioned' };
	if (version > current) return { ok: false, problem: 'future', version };
	return { ok: true, version };
}

export class MigrationError extends Error {
	readonly from: number;
	constructor(from: number) {
		super(`Data of version ${from} cannot be brought up to date: no migration reads version ${from}.`);
		this.name = 'MigrationError';
		this.from = from;
	}
}

/**
 * Brings versioned data up to `target` through the migrations, one version at a time. Data already
 * at the target comes back as it is. Throws a MigrationError when a step is missing or a migration
 * does not return the next version, and leaves the input unchanged either way.
 */
export function migrate(data: Versioned, migrations: Migrations = MIGRATIONS, target = PROGRESS_VERSION): Versioned {
	let current = data;
	while (current.version < target) {
		const step = migrations[current.version];
		if (!step) throw new MigrationError(current.version);
		const next = step(structuredClone(current));
		if (!isObject(next) || next.version !== current.version + 1) throw new MigrationError(current.version);
		current = next;
	}
	return current;
}
