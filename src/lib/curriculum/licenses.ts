/**
 * Names and links for the licences a curriculum is likely to be published under. The config holds an
 * SPDX id such as `CC-BY-SA-4.0`, which few readers recognise; pages show the licence's name and link
 * its deed, where a reader learns what they may do with the material.
 */

export interface License {
	/** The SPDX id as the config gives it. */
	id: string;
	/** The name a reader knows it by. */
	name: string;
	/** A page that explains it, when there is one. */
	url?: string;
	/** The language of `name`, when it is a name in words (English, as the licences name themselves here). */
	lang?: string;
}

const CREATIVE_COMMONS: Record<string, string> = {
	BY: 'Attribution',
	'BY-SA': 'Attribution-ShareAlike',
	'BY-ND': 'Attribution-NoDerivatives',
	'BY-NC': 'Attribution-NonCommercial',
	'BY-NC-SA': 'Attribution-NonCommercial-ShareAlike',
	'BY-NC-ND': 'Attribution-NonCommercial-NoDerivatives',
};

/** Creative Commons names each version's licences for where they apply. */
const CC_SCOPE: Record<string, string> = { '4.0': ' International', '3.0': ' Unported', '2.5': ' Generic', '2.0': ' Generic', '1.0': ' Generic' };

/** Licences that are not Creative Commons attribution licences, by lower-case SPDX id. */
const OTHERS: Record<string, Omit<License, 'id'>> = {
	'cc0-1.0': { name: 'CC0 1.0 Universal (public domain dedication)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
	'cc-pddc': { name: 'Creative Commons Public Domain Dedication and Certification', url: 'https://creativecommons.org/licenses/publicdomain/' },
	'gfdl-1.3-or-later': { name: 'GNU Free Documentation License 1.3 or later', url: 'https://www.gnu.org/licenses/fdl-1.3.html' },
	'gfdl-1.3-only': { name: 'GNU Free Documentation License 1.3', url: 'https://www.gnu.org/licenses/fdl-1.3.html' },
	mit: { name: 'MIT License', url: 'https://opensource.org/license/mit' },
	'apache-2.0': { name: 'Apache License 2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
};

/** SPDX ids are letters, digits, dots, hyphens and a trailing plus; anything else is not linked. */
const SPDX_ID = /^[A-Za-z0-9][A-Za-z0-9.-]*\+?$/;

/**
 * The name and link of a licence from its SPDX id. Creative Commons licences of any version, the
 * public domain dedications and a few others are named; any other SPDX id keeps its id as its name
 * and links its entry on spdx.org, and text that is not an SPDX id is shown as written, unlinked.
 */
export function licenseOf(id: string): License {
	const cc = /^CC-(BY(?:-NC)?(?:-SA|-ND)?)-(\d\.\d)$/i.exec(id);
	if (cc) {
		const kind = cc[1]!.toUpperCase();
		const version = cc[2]!;
		return {
			id,
			name: `Creative Commons ${CREATIVE_COMMONS[kind]} ${version}${CC_SCOPE[version] ?? ''}`,
			url: `https://creativecommons.org/licenses/${kind.toLowerCase()}/${version}/`,
			lang: 'en',
		};
	}
	const known = OTHERS[id.toLowerCase()];
	if (known) return { id, ...known, lang: 'en' };
	return SPDX_ID.test(id) ? { id, name: id, url: `https://spdx.org/licenses/${id}.html` } : { id, name: id };
}

/**
 * The `lang` a licence's name needs on a page in `pageLang`: its own language where the page speaks
 * another (an English licence name on a Finnish page), so that a screen reader reads it as written.
 */
export function licenseLang(license: License, pageLang: string): string | undefined {
	return license.lang && license.lang !== pageLang.split('-')[0]!.toLowerCase() ? license.lang : undefined;
}
