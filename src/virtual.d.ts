declare module 'virtual:currents/config' {
	export const config: import('./lib/curriculum/schema/config.ts').CurriculumConfig;
	/** The build date, `YYYY-MM-DD`. */
	export const buildDate: string;
}
