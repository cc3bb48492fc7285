/** A platform update's page. */
export const en = {
	'currents.update.pending': 'Pending',
	'currents.update.pendingText': 'The modules below have not been revised for this change yet.',
	'currents.update.incorporated': 'Incorporated',
	'currents.update.incorporatedText': 'Every module below has been revised for this change.',
	'currents.update.date': 'Date',
	'currents.update.platforms': 'Platforms',
	'currents.update.affected': 'Affected modules',
	'currents.update.revisedIn': ' (revised in version {{version}})',
	'currents.update.revisionPending': ' (revision pending)',
	/** On an update's share card, beside its date and platforms, when a module it affects awaits revision. */
	'currents.update.cardPending': 'Revision pending',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.update.pending': 'Odottaa',
	'currents.update.pendingText': 'Alla lueteltuja moduuleja ei ole vielä päivitetty tämän muutoksen mukaisiksi.',
	'currents.update.incorporated': 'Huomioitu',
	'currents.update.incorporatedText': 'Kaikki alla luetellut moduulit on päivitetty tämän muutoksen mukaisiksi.',
	'currents.update.date': 'Päivämäärä',
	'currents.update.platforms': 'Alustat',
	'currents.update.affected': 'Muutoksen koskemat moduulit',
	'currents.update.revisedIn': ' (päivitetty versiossa {{version}})',
	'currents.update.revisionPending': ' (päivitys odottaa)',
	'currents.update.cardPending': 'Päivitys odottaa',
};
