/** The home page. */
export const en = {
	'currents.home.start': 'Start with {{track}}',
	'currents.home.choose': 'Choose a track',
	'currents.home.lead': '{{modules}} modules in {{tracks}} tracks, about {{time}} of learning. Every module is versioned, dated and sourced, and is revised when a platform changes.',
	'currents.home.leadTranslated': '{{translated}} of the {{modules}} modules are translated into this language; the others are in {{language}}.',
	'currents.home.license': 'Published under',
	'currents.home.tracks': 'Tracks',
	'currents.home.moduleCount': '{{count}} modules',
	'currents.home.moduleCountOne': '{{count}} module',
	'currents.home.allTracks': 'Every track at once, for a learning platform: the',
	'currents.home.allCartridge': 'whole curriculum as a Common Cartridge',
	'currents.home.allOr': ', or',
	'currents.home.allLinkCartridge': 'with links to this site only',
	'currents.home.recent': 'Recently updated',
	/** The release a recently updated module is listed for: the newest that changed what it teaches. */
	'currents.home.version': 'version {{version}}',
	/** After that release's date, when corrections released since have raised the module's version. */
	'currents.home.now': 'now {{version}}',
	/** On the home page in another language, on a track card whose track is not translated. */
	'currents.home.inOriginal': 'in {{language}}',
	/** On the home page in another language, beside a recent release: its summary is the changelog's, in the original's language. */
	'currents.home.changeInOriginal': 'change note in {{language}}',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.home.start': 'Aloita: {{track}}',
	'currents.home.choose': 'Valitse opintopolku',
	'currents.home.lead': '{{modules}} moduulia {{tracks}} opintopolulla, opiskeltavaa noin {{time}}. Jokainen moduuli on versioitu, päivätty ja lähteistetty, ja se päivitetään, kun alusta muuttuu.',
	'currents.home.leadTranslated': 'Moduuleista {{translated}}/{{modules}} on käännetty suomeksi; muut ovat alkuperäiskielellä ({{language}}).',
	'currents.home.license': 'Julkaistu lisenssillä',
	'currents.home.tracks': 'Opintopolut',
	'currents.home.moduleCount': '{{count}} moduulia',
	'currents.home.moduleCountOne': '{{count}} moduuli',
	'currents.home.allTracks': 'Kaikki opintopolut kerralla oppimisympäristöön:',
	'currents.home.allCartridge': 'koko opintosisältö Common Cartridge -pakettina',
	'currents.home.allOr': ' tai',
	'currents.home.allLinkCartridge': 'vain linkkeinä tälle sivustolle',
	'currents.home.recent': 'Äskettäin päivitetyt',
	'currents.home.version': 'versio {{version}}',
	'currents.home.now': 'nyt {{version}}',
	'currents.home.inOriginal': 'kieli: {{language}}',
	'currents.home.changeInOriginal': 'muutoksen kuvaus alkuperäiskielellä ({{language}})',
};
