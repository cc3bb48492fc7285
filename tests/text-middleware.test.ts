import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { onRequest } from '../src/text-middleware.ts';

describe('interface strings on a page', () => {
	it('fill in titles as plain text, so that Astro escapes them once and "Q&A" never shows as "Q&amp;A"', async () => {
		// Starlight's translation system: an i18next instance with its defaults, which escape values as HTML.
		const i18n = i18next.createInstance();
		await i18n.init({ resources: { en: { starlight: { title: '{{title}} (version {{version}})' } } }, lng: 'en' });
		type Fill = (key: string, values?: Record<string, string>) => string;
		const t = Object.assign(i18n.getFixedT('en', 'starlight') as unknown as Fill, { all: () => ({}), exists: () => true, dir: () => 'ltr' });
		expect(t('title', { title: 'Q&A', version: '1.0.0' })).toBe('Q&amp;A (version 1.0.0)');

		const context = { locals: { t } } as unknown as Parameters<typeof onRequest>[0];
		await onRequest(context, async () => new Response());
		const plain = (context.locals as unknown as { t: typeof t }).t;
		expect(plain('title', { title: `Q&A: "<b>" it's`, version: '1.0.0' })).toBe(`Q&A: "<b>" it's (version 1.0.0)`);
		expect(plain.dir()).toBe('ltr');
	});

	it('give each language its own words, however often the same key is asked for', async () => {
		const i18n = i18next.createInstance();
		await i18n.init({ resources: { en: { starlight: { home: 'Home of {{name}}' } }, fi: { starlight: { home: 'Kotisivu: {{name}}' } } }, lng: 'en' });
		const page = async (lang: string, currentLocale: string | undefined) => {
			const t = Object.assign(i18n.getFixedT(lang, 'starlight'), { all: () => ({}), exists: () => true, dir: () => 'ltr' });
			const context = { locals: { t }, currentLocale } as unknown as Parameters<typeof onRequest>[0];
			await onRequest(context, async () => new Response());
			return (context.locals as unknown as { t: (key: string, values?: Record<string, string>) => string }).t;
		};
		for (let round = 0; round < 2; round++) {
			expect((await page('en', undefined))('home', { name: 'Tea' })).toBe('Home of Tea');
			expect((await page('fi', 'fi'))('home', { name: 'Tea' })).toBe('Kotisivu: Tea');
			expect((await page('fi', 'fi'))('home', { name: 'Kahvi' })).toBe('Kotisivu: Kahvi');
		}
	});
});
