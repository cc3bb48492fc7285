/** The parts every module page adds around the module's own text. */
export const en = {
	'currents.module.outcomes': 'What you will be able to do',
	'currents.module.knowledgeCheck': 'Knowledge check',
	'currents.module.sources': 'Sources',
	'currents.module.changelog': 'Changelog',
	'currents.module.embedOrCite': 'Embed or cite',
	'currents.module.cite': 'Cite this module',
	'currents.module.citeOriginal': 'To embed this module in a course page or to cite it, use the original, in {{language}}, whose permanent address and citation are at the foot of its page:',
	/** On a translated page whose translation follows the current major: the permanent address of that major in the page's language. */
	'currents.module.assignTranslation': 'To assign this translation for a course, link',
	'currents.module.assignTranslationRest': ', the permanent address of version {{major}} in this language. It shows this page for as long as the translation follows version {{major}}; once a new major is released, it leads to version {{major}} in the original language.',
	/** The redirect page at a permanent address (aliasPage in src/lib/curriculum/redirects.ts). */
	'currents.module.permalinkTitle': 'The current version: {{address}}',
	'currents.module.permalinkLink': 'Go to the current version of this module:',
	'currents.module.archivedTitle': '{{title}} (version {{version}})',
	'currents.module.cardAlt': '{{title}}, version {{version}}',
	'currents.module.reportLead': 'Out of date or wrong?',
	'currents.module.reportChange': 'Report a platform change',
	'currents.module.reportOr': 'or',
	'currents.module.reportError': 'report an error',
	'currents.module.reportTail': '. Practitioners keep this module current by pull request.',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.module.outcomes': 'Mitä osaat moduulin jälkeen',
	'currents.module.knowledgeCheck': 'Osaamisen tarkistus',
	'currents.module.sources': 'Lähteet',
	'currents.module.changelog': 'Muutoshistoria',
	'currents.module.embedOrCite': 'Upota tai viittaa',
	'currents.module.cite': 'Viittaa moduuliin',
	'currents.module.citeOriginal': 'Kun haluat upottaa moduulin kurssisivulle tai viitata siihen, käytä alkuperäistä moduulia ({{language}}). Sen pysyvä osoite ja lähdeviite ovat sen sivun lopussa:',
	'currents.module.assignTranslation': 'Kun käytät tätä käännöstä kurssilla, linkitä',
	'currents.module.assignTranslationRest': ', version {{major}} pysyvä osoite tällä kielellä. Se näyttää tämän sivun niin kauan kuin käännös seuraa versiota {{major}}. Kun moduulista julkaistaan uusi pääversio, osoite johtaa version {{major}} alkuperäiskieliselle sivulle.',
	'currents.module.permalinkTitle': 'Nykyinen versio: {{address}}',
	'currents.module.permalinkLink': 'Siirry moduulin nykyiseen versioon:',
	'currents.module.archivedTitle': '{{title}} (versio {{version}})',
	'currents.module.cardAlt': '{{title}}, versio {{version}}',
	'currents.module.reportLead': 'Vanhentunutta tai virheellistä tietoa?',
	'currents.module.reportChange': 'Ilmoita alustapäivityksestä',
	'currents.module.reportOr': 'tai',
	'currents.module.reportError': 'ilmoita virheestä',
	'currents.module.reportTail': '. Alan ammattilaiset pitävät moduulin ajan tasalla pull requesteilla.',
};
