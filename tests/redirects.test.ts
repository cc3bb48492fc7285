import { describe, expect, it } from 'vitest';
import { aliasPage, netlifyRules, permalinkAliases } from '../src/lib/curriculum/redirects.ts';
import { translatedPermalinkMajor } from '../src/lib/i18n/site.ts';
import { matchRedirect, parseRedirects } from '../scripts/lib/static-server.ts';

/** Modules at a second major (a), a first (b, c) and a draft (d). */
const MODULES = new Map([
	['a', { version: '2.1.0' }],
	['b', { version: '1.3.0' }],
	['c', { version: '1.0.0' }],
	['d', { version: '0.4.0' }],
]);

describe('permanent addresses in each language', () => {
	it('has a translation keep the permanent address of the major it follows, and none for a major it does not', () => {
		expect(translatedPermalinkMajor('2.1.0', '2.1.0')).toBe(2);
		// Behind within the major: the outcomes are the same, so the address stands.
		expect(translatedPermalinkMajor('2.1.0', '2.0.0')).toBe(2);
		expect(translatedPermalinkMajor('2.1.0', '1.0.0')).toBeUndefined();
		expect(translatedPermalinkMajor('0.4.0', '0.4.0')).toBeUndefined();
		expect(translatedPermalinkMajor('2.1.0', undefined)).toBeUndefined();
	});

	it('gives a translation of the current major its own permanent address in its language, leading to its page', () => {
		const translations = [
			{ id: 'a', locale: 'fi', translates: '2.0.0' },
			{ id: 'b', locale: 'fi', translates: '1.3.0' },
			// A major behind: the address of major 2 would show outcomes of major 1.
			{ id: 'a', locale: 'sv', translates: '1.0.0' },
			// A draft has no permanent address in any language.
			{ id: 'd', locale: 'fi', translates: '0.4.0' },
			// A language the config does not list, and a module that does not exist.
			{ id: 'c', locale: 'de', translates: '1.0.0' },
			{ id: 'gone', locale: 'fi', translates: '1.0.0' },
		];
		expect(permalinkAliases(MODULES, ['en', 'fi', 'sv'], translations)).toEqual([
			{ from: '/modules/a/v2/', to: '/modules/a/', lang: 'en' },
			{ from: '/modules/b/v1/', to: '/modules/b/', lang: 'en' },
			{ from: '/modules/c/v1/', to: '/modules/c/', lang: 'en' },
			{ from: '/fi/modules/a/v2/', to: '/fi/modules/a/', lang: 'fi' },
			{ from: '/fi/modules/b/v1/', to: '/fi/modules/b/', lang: 'fi' },
		]);
	});

	it('orders _redirects so that the rewrites win over the redirect pages and the language fallback comes last', () => {
		const aliases = permalinkAliases(MODULES, ['en', 'fi'], [
			{ id: 'a', locale: 'fi', translates: '2.1.0' },
			{ id: 'b', locale: 'fi', translates: '0.9.0' },
		]);
		const text = netlifyRules([{ from: 'old', to: 'a' }], aliases, ['en', 'fi']);
		expect(text.split('\n').at(-1)).toBe('/fi/*  /:splat  302');
		const rules = parseRedirects(text);
		// Every permanent address has its redirect page, which the forced rewrite wins over.
		const at = (path: string, file: boolean) => {
			const match = matchRedirect(path, rules, file);
			return match && `${match.rule.status}${match.rule.force ? '!' : ''} ${match.to}`;
		};
		expect(at('/fi/modules/a/v2/', true)).toBe('200! /fi/modules/a/');
		expect(at('/modules/a/v2/', true)).toBe('200! /modules/a/');
		// A translation of an earlier major has no Finnish page there: the fallback leads to the original's
		// permanent address, which the next request rewrites to the original's page.
		expect(at('/fi/modules/b/v1/', false)).toBe('302 /modules/b/v1/');
		expect(at('/modules/b/v1/', true)).toBe('200! /modules/b/');
		// A renamed module moves before anything else is looked at; a Finnish page keeps its address.
		expect(at('/modules/old/v1/', false)).toBe('301! /modules/a/v1/');
		expect(at('/fi/modules/a/', true)).toBeUndefined();
	});

	it('writes the redirect page in the language of the page it leads to, in ASCII alone', () => {
		const page = aliasPage('/fi/modules/a/', 'https://currents.example', 'fi');
		expect(page).toContain('<html lang="fi"><title>Nykyinen versio: /fi/modules/a/</title><meta http-equiv="refresh" content="0;url=/fi/modules/a/">');
		expect(page).toContain('<link rel="canonical" href="https://currents.example/fi/modules/a/">');
		expect(page).toContain('<a href="/fi/modules/a/">Siirry moduulin nykyiseen versioon: <code>/fi/modules/a/</code></a>');
		expect(page).toMatch(/^[\x20-\x7e\n]*$/);
		expect(aliasPage('/modules/a/', 'https://currents.example')).toContain('<html lang="en"><title>The current version: /modules/a/</title>');
	});
});
