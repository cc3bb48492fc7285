/** Site-wide pieces: the footer (search, updates, feeds, embed and verify pages still to come). */
export const en = {
	'currents.site.footerMissed': 'Seen a platform change the curriculum has missed?',
	'currents.site.footerReport': 'Report a platform change',
	'currents.site.footerWrittenBy': 'is written by its contributors in',
	'currents.site.footerRepository': 'an open repository',
	'currents.site.footerPublished': 'and published under',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.site.footerMissed': 'Huomasitko alustapäivityksen, joka puuttuu opintosisällöstä?',
	'currents.site.footerReport': 'Ilmoita alustapäivityksestä',
	'currents.site.footerWrittenBy': 'on sen tekijöiden kirjoittama',
	'currents.site.footerRepository': 'avoimessa repositoriossa',
	'currents.site.footerPublished': 'ja julkaistu lisenssillä',
};
