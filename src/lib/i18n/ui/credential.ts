/**
 * The words a signed certificate's credential writes about the learner's work (src/lib/credentials/credential.ts),
 * in the language the certificate is issued in: wallets and verifiers show them as they are.
 */
export const en = {
	'currents.credential.narrative':
		'Completed every module of the track “{{track}}” of {{curriculum}}, at the versions below, with each module’s knowledge check passed at {{mark}}% or better. {{issuer}} verified the learner’s work.',
	'currents.credential.narrativeAsOf':
		'Completed every module of the track “{{track}}” of {{curriculum}}, at the versions current on {{date}}, listed below, with each module’s knowledge check passed at {{mark}}% or better. {{issuer}} verified the learner’s work.',
	'currents.credential.listed': '- {{title}}, version {{version}}',
	'currents.credential.version': 'Version {{version}}',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.credential.narrative':
		'Suoritti opintopolun ”{{track}}” ({{curriculum}}) kaikki moduulit alla luetelluissa versioissa ja läpäisi jokaisen moduulin osaamisen tarkistuksen vähintään {{mark}} %:n tuloksella. {{issuer}} tarkisti oppijan työn.',
	'currents.credential.narrativeAsOf':
		'Suoritti opintopolun ”{{track}}” ({{curriculum}}) kaikki moduulit niissä versioissa, jotka olivat käytössä {{date}} (luettelo alla), ja läpäisi jokaisen moduulin osaamisen tarkistuksen vähintään {{mark}} %:n tuloksella. {{issuer}} tarkisti oppijan työn.',
	'currents.credential.listed': '- {{title}}, versio {{version}}',
	'currents.credential.version': 'Versio {{version}}',
};
