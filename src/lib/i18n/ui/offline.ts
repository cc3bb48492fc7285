/**
 * Keeping a track for reading offline, on the track page: the button, what it says while it keeps
 * the pages, and what is kept. The sentences with `{{…}}` are written by the page's script.
 */
export const en = {
	'currents.offline.heading': 'Read offline',
	'currents.offline.lead': 'Keep this track in this browser to read its modules, answer their knowledge checks and record your progress without a connection.',
	'currents.offline.keep': 'Keep this track for reading offline',
	'currents.offline.update': 'Update the offline copy',
	'currents.offline.remove': 'Remove the offline copy',
	'currents.offline.keeping': 'Keeping pages for reading offline: {{kept}} of {{total}}…',
	'currents.offline.kept': 'Kept {{kept}} pages for reading offline. Open this track or any of its modules here without a connection; while you are online, they are kept up to date.',
	'currents.offline.keptSome': 'Kept {{kept}} of {{total}} pages for reading offline; {{failed}} could not be fetched. Try again when your connection is better.',
	'currents.offline.keptOn': 'This track is kept for reading offline in this browser, since {{date}}.',
	'currents.offline.removed': 'The offline copy of this track is removed.',
	'currents.offline.failed': 'The pages could not be kept for reading offline: {{error}}',
	/** The page that answers, without a connection, an address not kept for reading offline. */
	'currents.offline.offlineTitle': 'You are offline',
	'currents.offline.notKept': 'This page is not kept in this browser for reading offline. Open it again when you have a connection.',
	'currents.offline.keptTracks': 'These tracks are kept, and open without a connection:',
	'currents.offline.noneKept': 'To read a track without a connection, open its page while online and choose "Keep this track for reading offline".',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.offline.heading': 'Lue ilman verkkoyhteyttä',
	'currents.offline.lead': 'Tallenna tämä polku tähän selaimeen, niin voit lukea sen moduuleja, vastata osaamisen tarkistuksiin ja kirjata edistymisesi ilman verkkoyhteyttä.',
	'currents.offline.keep': 'Tallenna polku luettavaksi ilman verkkoyhteyttä',
	'currents.offline.update': 'Päivitä tallennettu kopio',
	'currents.offline.remove': 'Poista tallennettu kopio',
	'currents.offline.keeping': 'Tallennetaan sivuja luettavaksi ilman verkkoyhteyttä: {{kept}}/{{total}}…',
	'currents.offline.kept': 'Tallennettiin {{kept}} sivua luettavaksi ilman verkkoyhteyttä. Avaa tämä polku tai mikä tahansa sen moduuleista tässä selaimessa ilman verkkoyhteyttä; kun olet verkossa, ne pidetään ajan tasalla.',
	'currents.offline.keptSome': 'Tallennettiin {{kept}}/{{total}} sivua luettavaksi ilman verkkoyhteyttä; {{failed}} sivua ei saatu haettua. Yritä uudelleen, kun yhteys on parempi.',
	'currents.offline.keptOn': 'Tämä polku on tallennettu tähän selaimeen luettavaksi ilman verkkoyhteyttä {{date}} alkaen.',
	'currents.offline.removed': 'Polun tallennettu kopio on poistettu.',
	'currents.offline.failed': 'Sivuja ei voitu tallentaa luettavaksi ilman verkkoyhteyttä: {{error}}',
	'currents.offline.offlineTitle': 'Ei verkkoyhteyttä',
	'currents.offline.notKept': 'Tätä sivua ei ole tallennettu tähän selaimeen luettavaksi ilman verkkoyhteyttä. Avaa se uudelleen, kun yhteys toimii.',
	'currents.offline.keptTracks': 'Nämä polut on tallennettu, ja ne aukeavat ilman verkkoyhteyttä:',
	'currents.offline.noneKept': 'Kun haluat lukea polkua ilman verkkoyhteyttä, avaa sen sivu verkossa ollessasi ja valitse ”Tallenna polku luettavaksi ilman verkkoyhteyttä”.',
};
