/**
 * The curriculum's languages, from `locales` in its config: the first is the language of the
 * originals and lives at the site's root; every other one lives under `/<code>/`, as Starlight
 * arranges its own locales.
 */
export interface Locale {
	/** The BCP 47 code, such as `en` or `fi`. */
	code: string;
	/** Whether this is the originals' language, served at the root. */
	root: boolean;
	/** `''` for the root locale, otherwise `/<code>`: put in front of a root-relative address. */
	prefix: string;
	/** The language's own name for itself, as a language switcher shows it: "English", "Suomi". */
	label: string;
}

/** A language's name in that language, capitalised as a menu item. */
export function languageLabel(code: string): string {
	const name = languageName(code, code);
	return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** A language's name as a sentence in another language writes it: English is "englanti" in Finnish. */
export function languageName(code: string, inLanguage: string): string {
	return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
}

export function siteLocales(codes: readonly string[]): Locale[] {
	return codes.map((code, index) => ({ code, root: index === 0, prefix: index === 0 ? '' : `/${code}`, label: languageLabel(code) }));
}

/** Starlight's `locales` option for the same languages. */
export function starlightLocales(codes: readonly string[]): Record<string, { label: string; lang: string }> {
	return Object.fromEntries(siteLocales(codes).map((locale) => [locale.root ? 'root' : locale.code, { label: locale.label, lang: locale.code }]));
}

/** The locale a path or route pattern belongs to: its first segment when that names a locale, otherwise the root. */
export function localeOf(path: string, locales: readonly Locale[]): Locale {
	const first = path.split('/').find((segment) => segment !== '');
	return locales.find((locale) => !locale.root && locale.code === first) ?? locales[0]!;
}

/** A root-relative address in a locale: `/modules/x/` becomes `/fi/modules/x/`. Other addresses are left alone. */
export function localized(href: string, locale: Pick<Locale, 'prefix'>): string {
	return href.startsWith('/') && !href.startsWith('//') ? `${locale.prefix}${href}` : href;
}

/** The same page in the root locale: `/fi/modules/x/` becomes `/modules/x/`. */
export function unlocalized(path: string, locale: Pick<Locale, 'prefix'>): string {
	return locale.prefix && path.startsWith(`${locale.prefix}/`) ? path.slice(locale.prefix.length) : path;
}
