/** The sidebar, the language of a page, and links between languages. */
export const en = {
	'currents.nav.home': 'Home',
	'currents.nav.whatsNew': "What's new",
	'currents.nav.tracks': 'Tracks',
	'currents.nav.trackOverview': 'Track overview',
	'currents.nav.allTracks': 'All tracks',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.nav.home': 'Etusivu',
	'currents.nav.whatsNew': 'Uutta',
	'currents.nav.tracks': 'Opintopolut',
	'currents.nav.trackOverview': 'Polun yleiskuva',
	'currents.nav.allTracks': 'Kaikki opintopolut',
};
