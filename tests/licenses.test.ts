import { describe, expect, it } from 'vitest';
import { licenseLang, licenseOf } from '../src/lib/curriculum/licenses.ts';

describe('licence names', () => {
	it('names Creative Commons licences and links their deeds', () => {
		expect(licenseOf('CC-BY-SA-4.0')).toEqual({
			id: 'CC-BY-SA-4.0',
			name: 'Creative Commons Attribution-ShareAlike 4.0 International',
			url: 'https://creativecommons.org/licenses/by-sa/4.0/',
			lang: 'en',
		});
		expect(licenseOf('CC-BY-NC-ND-3.0')).toEqual({
			id: 'CC-BY-NC-ND-3.0',
			name: 'Creative Commons Attribution-NonCommercial-NoDerivatives 3.0 Unported',
			url: 'https://creativecommons.org/licenses/by-nc-nd/3.0/',
			lang: 'en',
		});
		expect(licenseOf('CC-BY-4.0').name).toBe('Creative Commons Attribution 4.0 International');
	});

	it('names the public domain dedication and other common licences', () => {
		expect(licenseOf('CC0-1.0')).toMatchObject({ name: 'CC0 1.0 Universal (public domain dedication)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' });
		expect(licenseOf('MIT')).toMatchObject({ name: 'MIT License' });
	});

	it('links any other SPDX id to its SPDX entry, and shows text that is not one as written, unlinked', () => {
		expect(licenseOf('CC-BY-SA-3.0-AT')).toEqual({ id: 'CC-BY-SA-3.0-AT', name: 'CC-BY-SA-3.0-AT', url: 'https://spdx.org/licenses/CC-BY-SA-3.0-AT.html' });
		expect(licenseOf('All rights reserved')).toEqual({ id: 'All rights reserved', name: 'All rights reserved' });
	});

	it('marks an English licence name on a page in another language, and nothing else', () => {
		expect(licenseLang(licenseOf('CC-BY-SA-4.0'), 'fi')).toBe('en');
		expect(licenseLang(licenseOf('MIT'), 'fi')).toBe('en');
		expect(licenseLang(licenseOf('CC-BY-SA-4.0'), 'en')).toBeUndefined();
		expect(licenseLang(licenseOf('CC-BY-SA-4.0'), 'en-GB')).toBeUndefined();
		// An SPDX id, or text shown as written, is in no language the engine knows.
		expect(licenseLang(licenseOf('CC-BY-SA-3.0-AT'), 'fi')).toBeUndefined();
		expect(licenseLang(licenseOf('All rights reserved'), 'fi')).toBeUndefined();
	});
});
