/** The sidebar, the language of a page, and links between languages. */
export const en = {
	'currents.nav.home': 'Home',
	'currents.nav.whatsNew': "What's new",
	'currents.nav.tracks': 'Tracks',
	'currents.nav.trackOverview': 'Track overview',
	'currents.nav.allTracks': 'All tracks',
	/** A language in the language menu of a page that language has no version of: the menu leads to its home page instead. */
	'currents.nav.languageHome': '{{language}}: home page',
	/** On the page for an address the site does not have, one line in each of the curriculum's other languages. */
	'currents.nav.notFoundElsewhere': 'Page not found.',
	'currents.nav.notFoundHome': 'Go to the home page in English',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.nav.home': 'Etusivu',
	'currents.nav.whatsNew': 'Uutta',
	'currents.nav.tracks': 'Opintopolut',
	'currents.nav.trackOverview': 'Polun yleiskuva',
	'currents.nav.allTracks': 'Kaikki opintopolut',
	'currents.nav.languageHome': '{{language}}: etusivu',
	'currents.nav.notFoundElsewhere': 'Sivua ei löytynyt.',
	'currents.nav.notFoundHome': 'Siirry suomenkieliselle etusivulle',
};
