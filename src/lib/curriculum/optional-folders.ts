/**
 * Folders a curriculum may leave out or leave empty: free pages, archived majors, platform updates
 * and translations. Astro's glob loader warns when its folder does not exist or no file in it
 * matches, and so told whoever built a curriculum without translations, say, to look into a folder
 * they never meant to have. The content check says what a curriculum lacks that it needs.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** glob()'s two warnings about a folder with nothing to load (astro/dist/content/loaders/glob.js). */
const NOTHING_TO_LOAD = [/^The base directory ".*" does not exist\.$/, /^No files found matching ".*" in directory ".*"$/];

/** The loader, with its warnings about a missing or empty folder logged at debug level instead. */
export function optionalFolder(loader: Loader): Loader {
	return {
		...loader,
		load(context: LoaderContext) {
			const logger = new Proxy(context.logger, {
				get(target, key) {
					if (key === 'warn') return (message: string) => (NOTHING_TO_LOAD.some((pattern) => pattern.test(message)) ? target.debug(message) : target.warn(message));
					const value: unknown = Reflect.get(target, key, target);
					return typeof value === 'function' ? value.bind(target) : value;
				},
			});
			return loader.load({ ...context, logger });
		},
	};
}
