/**
 * The names and rules of stored progress that the scripts on every page need: the storage keys, the
 * shape version, and the rules a stored value must meet, shared by the schemas (shape.ts) and the
 * quick read every page makes without them (peek.ts), so that both accept exactly the same data.
 * This file imports nothing, so a page that needs only these never downloads the validator.
 */

/** The shape of progress and visits this version of the site writes. */
export const PROGRESS_VERSION = 1;

/** The localStorage keys. They belong to the site's origin, so another site never reads them. */
export const STORAGE_KEYS = {
	progress: 'currents:progress',
	visits: 'currents:visits',
	setAside: 'currents:set-aside',
} as const;

/** The `format` an export file names, so that any other JSON file is recognised as not one. */
export const EXPORT_FORMAT = 'currents-progress';

/** A module id, as the content schema requires: lower-case words joined by single hyphens. */
export const MODULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A module version, `MAJOR.MINOR.PATCH`, as the content schema requires. */
export const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** A moment in UTC as `Date.prototype.toISOString` writes it, with or without milliseconds. */
export const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;

/** How a module was completed. */
export const VIA = ['marked', 'quiz'] as const;

/** A score or pass mark: a whole percentage. */
export const isPercent = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100;

/** Whether a value is a plain JSON object (not an array, not null). */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
