/**
 * Folders a curriculum may leave out or leave empty: free pages, archived majors, platform updates
 * and translations. Astro's glob loader warns when its folder does not exist or no file in it
 * matches, and so told whoever built a curriculum without translations, say, to look into a folder
 * they never meant to have; and Astro's `getCollection` warns, on every build, of a collection that
 * holds no entry. The content check says what a curriculum lacks that it needs.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** glob()'s two warnings about a folder with nothing to load (astro/dist/content/loaders/glob.js). */
const NOTHING_TO_LOAD = [/^The base directory ".*" does not exist\.$/, /^No files found matching ".*" in directory ".*"$/];

/** An id no file of a folder can have, for the moment an empty collection is made. */
const NO_ENTRY = '\0empty';

/**
 * The loader, with its warnings about a missing or empty folder logged at debug level instead, and a
 * collection that stays empty made as such: Astro's store knows a collection once an entry has been
 * set in it, and keeps it, empty, once that entry is deleted; `getCollection` then returns no entries
 * without a warning (astro/dist/content/runtime.js, `hasCollection`). `tests/build.test.ts` fails if
 * an upgrade of Astro brings the warnings back.
 */
export function optionalFolder(loader: Loader): Loader {
	return {
		...loader,
		async load(context: LoaderContext) {
			const logger = new Proxy(context.logger, {
				get(target, key) {
					if (key === 'warn') return (message: string) => (NOTHING_TO_LOAD.some((pattern) => pattern.test(message)) ? target.debug(message) : target.warn(message));
					const value: unknown = Reflect.get(target, key, target);
					return typeof value === 'function' ? value.bind(target) : value;
				},
			});
			await loader.load({ ...context, logger });
			if (context.store.keys().length === 0) {
				context.store.set({ id: NO_ENTRY, data: {} });
				context.store.delete(NO_ENTRY);
			}
		},
	};
}
