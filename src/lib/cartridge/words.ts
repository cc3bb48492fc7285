/**
 * The words a cartridge writes around what it copies from the site, in its language: the interface
 * strings (src/lib/i18n/ui/cartridge.ts), English where a language has none.
 */
import { uiText, type UiKey } from '../i18n/ui/index.ts';

export type CartridgeWords = (key: UiKey, values?: Record<string, string | number>) => string;

export const cartridgeWords =
	(code: string): CartridgeWords =>
	(key, values) =>
		uiText(code, key, values);

/** The originals' words, in which every cartridge was written before a track had one in its translation's language. */
export const ENGLISH = cartridgeWords('en');

/** The language of a cartridge: the originals', whose pages are at the site's root, or a translation's, under `/<code>/`. */
export interface CartridgeLanguage {
	/** The code `locales` in the curriculum's config gives it. */
	code: string;
	/** Where its pages are in the built site, and its cartridges under `downloads/`: `''` for the originals', `fi/` for Finnish. */
	prefix: string;
	words: CartridgeWords;
}

/** The originals' language, as a cartridge of them is written. */
export const originalLanguage = (code: string): CartridgeLanguage => ({ code, prefix: '', words: ENGLISH });
