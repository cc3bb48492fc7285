import { defineMiddleware } from 'astro/middleware';

/**
 * Interface strings as plain text. Starlight's `Astro.locals.t` fills `{{values}}` in HTML-escaped
 * (i18next's default), and Astro escapes the whole string again when it renders it, so a title
 * such as "Q&A" would show as "Q&amp;A". Every value here is filled in as given, and Astro's own
 * escaping is the only one, as for any other text on the page. Runs after Starlight's middleware,
 * which sets `locals.t` for the page's language.
 */
export const onRequest = defineMiddleware((context, next) => {
	const t = context.locals.t;
	// i18next's overloads are wider than what pages pass: a key and, optionally, values.
	const fill = t as unknown as (key: string, options?: Record<string, unknown>) => string;
	const language = context.currentLocale ?? '';
	// A build asks for the same few hundred strings on every page: each is worked out once per language.
	const plain = (key: string, options?: Record<string, unknown>) => {
		const id = `${language}\0${key}\0${options === undefined ? '' : JSON.stringify(options)}`;
		let text = filled.get(id);
		if (text === undefined) {
			text = fill(key, { ...options, interpolation: { escapeValue: false, ...(options?.interpolation as object | undefined) } });
			if (filled.size >= 100_000) filled.clear();
			filled.set(id, text);
		}
		return text;
	};
	context.locals.t = Object.assign(plain, { all: t.all, exists: t.exists, dir: t.dir }) as unknown as typeof t;
	return next();
});

/** Strings already filled in, by language, key and values. */
const filled = new Map<string, string>();
