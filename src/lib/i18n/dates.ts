/**
 * A calendar day (`YYYY-MM-DD`) as readers of a language write it. English has no one numeric form
 * (1/12/2026 is the first of December in Britain and the twelfth of January in the United States), so
 * English pages keep the ISO form, which both read the same way; other languages have their own
 * (Finnish 1.12.2026, German 1.12.2026, Swedish 2026-12-01), which `Intl` knows.
 */
export function dayText(iso: string, lang: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || lang === 'en' || lang.startsWith('en-')) return iso;
	let format = formats.get(lang);
	if (!format) formats.set(lang, (format = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' })));
	return format.format(new Date(`${iso}T00:00:00Z`));
}

const formats = new Map<string, Intl.DateTimeFormat>();
