declare module 'virtual:currents/config' {
	export const config: import('./lib/curriculum/schema/config.ts').CurriculumConfig;
	/** The build date, `YYYY-MM-DD`. */
	export const buildDate: string;
	/** A fingerprint of the engine's code, empty in the dev server. */
	export const engine: string;
}

declare module 'virtual:currents/fields' {
	/** Every field of every kind of content file, read from the schemas and their comments. */
	export const fieldReference: import('./lib/curriculum/field-reference.ts').FileReference[];
}
