/**
 * The engine's interface strings, one file per feature, each with an English original and its
 * translations. Starlight serves them through `Astro.locals.t` (registered by the integration);
 * a language without an entry falls back to English. `tests/i18n.test.ts` fails on a missing key.
 */
import * as home from './home.ts';
import * as learner from './learner.ts';
import * as moduleParts from './module-parts.ts';
import * as siteWide from './site-wide.ts';
import * as module from './module.ts';
import * as navigation from './navigation.ts';
import * as track from './track.ts';
import * as translation from './translation.ts';
import * as update from './update.ts';
import * as quiz from './quiz.ts';
import * as search from './search.ts';
import * as syllabus from './syllabus.ts';
import * as print from './print.ts';
import * as cartridge from './cartridge.ts';
import * as offline from './offline.ts';
import * as verify from './verify.ts';
import * as embed from './embed.ts';
import * as credential from './credential.ts';

const FEATURES = [home, learner, module, moduleParts, navigation, siteWide, track, translation, update, quiz, search, syllabus, print, cartridge, offline, verify, embed, credential];

/** Every engine string by locale: `{ en: { key: text }, fi: { … } }`. */
export const UI_STRINGS: Record<string, Record<string, string>> = {};
for (const feature of FEATURES) {
	for (const [locale, strings] of Object.entries(feature)) Object.assign((UI_STRINGS[locale] ??= {}), strings);
}

/** The languages the engine's interface is written in. */
export const UI_LOCALES = Object.keys(UI_STRINGS);

export type UiStrings = typeof home.en & typeof learner.en & typeof moduleParts.en & typeof siteWide.en & typeof module.en & typeof navigation.en & typeof track.en & typeof translation.en & typeof update.en & typeof quiz.en & typeof search.en & typeof syllabus.en & typeof print.en & typeof cartridge.en & typeof offline.en & typeof verify.en & typeof embed.en & typeof credential.en;
export type UiKey = keyof UiStrings;

/**
 * An interface string outside a page's `Astro.locals.t`, such as in the sidebar or a feed: the
 * locale's text, or English when the locale has none, with `{{name}}` filled in.
 */
export function uiText(locale: string, key: UiKey, values: Record<string, string | number> = {}): string {
	const text = UI_STRINGS[locale]?.[key] ?? UI_STRINGS.en![key] ?? key;
	return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}

/** The strings a browser script writes, by short key: `<prefix><key>` in the page's language, and no others. */
export function scriptWords(locale: string, prefix: string, keys: readonly string[]): Record<string, string> {
	return Object.fromEntries(keys.map((key) => [key, uiText(locale, `${prefix}${key}` as UiKey)]));
}
