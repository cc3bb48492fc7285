/**
 * A whole track on one page, to print or save as a PDF: its title page, each module's header and
 * credits, and the answers at the end. In another language, one per translated track.
 */
export const en = {
	'currents.print.title': '{{track}}: the whole track',
	'currents.print.description': 'Every module of {{track}} on one page, to print or read offline.',
	'currents.print.modules': '{{count}} modules, {{duration}}.',
	'currents.print.online': 'Online at {{url}}.',
	'currents.print.license': 'Published under {{license}}; each module names its authors below.',
	'currents.print.hint': "Print this page or save it as a PDF from your browser's print dialog: it prints in light colours, without navigation.",
	'currents.print.contents': 'Contents',
	'currents.print.draftMark': '(draft)',
	'currents.print.noAnswers': 'Leave out the answers, for a copy to give learners',
	'currents.print.version': 'Version {{version}}',
	'currents.print.versionDraft': 'Version {{version}}, a draft not reviewed yet',
	'currents.print.by': 'By {{people}}.',
	'currents.print.byContributors': 'By the {{curriculum}} contributors.',
	/** Before the day a module's version was released, written in the page's language. */
	'currents.print.released': 'Released',
	/** After a module's own licence, written out with its address. */
	'currents.print.ownLicense': 'Licensed under {{license}}.',
	'currents.print.answersAtEnd': 'The answers are at the end of this document.',
	'currents.print.answers': 'Answers',
	'currents.print.right': '{{letter}}: right.',
	'currents.print.notRight': '{{letter}}: not right.',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.print.title': '{{track}}: koko polku',
	'currents.print.description': 'Polun {{track}} kaikki moduulit yhdellä sivulla tulostettavaksi tai luettavaksi ilman verkkoyhteyttä.',
	'currents.print.modules': '{{count}} moduulia, {{duration}}.',
	'currents.print.online': 'Verkossa osoitteessa {{url}}.',
	'currents.print.license': 'Julkaistu lisenssillä {{license}}; kunkin moduulin tekijät mainitaan alla.',
	'currents.print.hint': 'Tulosta tämä sivu tai tallenna se PDF:ksi selaimen tulostusikkunasta: se tulostuu vaalein värein ja ilman navigointia.',
	'currents.print.contents': 'Sisällys',
	'currents.print.draftMark': '(luonnos)',
	'currents.print.noAnswers': 'Jätä vastaukset pois oppijoille jaettavasta kopiosta',
	'currents.print.version': 'Versio {{version}}',
	'currents.print.versionDraft': 'Versio {{version}}, luonnos, jota ei ole vielä tarkistettu',
	'currents.print.by': 'Tekijät: {{people}}.',
	'currents.print.byContributors': 'Tekijät: {{curriculum}} -opetussisällön kirjoittajat.',
	'currents.print.released': 'Julkaistu',
	'currents.print.ownLicense': 'Lisenssi: {{license}}.',
	'currents.print.answersAtEnd': 'Vastaukset ovat tämän asiakirjan lopussa.',
	'currents.print.answers': 'Vastaukset',
	'currents.print.right': '{{letter}}: oikein.',
	'currents.print.notRight': '{{letter}}: väärin.',
};
