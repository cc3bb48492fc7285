import type { Plugin } from 'vite';
import type { CurriculumConfig } from './schema/config.ts';

export interface VitePluginOptions {
	/** The content folder, absolute. */
	dir: string;
	config: CurriculumConfig;
	/** The build date, `YYYY-MM-DD`, so every page agrees on what is due. */
	on: string;
}

const CONFIG_ID = 'virtual:currents/config';

/** Gives pages the validated curriculum config and the build date as `virtual:currents/config`. */
export function currentsVitePlugin({ config, on }: VitePluginOptions): Plugin {
	return {
		name: 'currents:config',
		resolveId(id) {
			if (id === CONFIG_ID) return `\0${CONFIG_ID}`;
		},
		load(id) {
			if (id === `\0${CONFIG_ID}`) {
				return `export const config = ${JSON.stringify(config)};\nexport const buildDate = ${JSON.stringify(on)};`;
			}
		},
	};
}
