/** The parts every module page adds around the module's own text. */
export const en = {
	'currents.module.outcomes': 'What you will be able to do',
	'currents.module.knowledgeCheck': 'Knowledge check',
	'currents.module.sources': 'Sources',
	'currents.module.changelog': 'Changelog',
	'currents.module.embedOrCite': 'Embed or cite',
	'currents.module.cite': 'Cite this module',
	'currents.module.citeOriginal': 'To embed this module in a course page or to cite it, use the original, in {{language}}, whose permanent address and citation are at the foot of its page:',
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
	'currents.module.archivedTitle': '{{title}} (versio {{version}})',
	'currents.module.cardAlt': '{{title}}, versio {{version}}',
	'currents.module.reportLead': 'Vanhentunutta tai virheellistä tietoa?',
	'currents.module.reportChange': 'Ilmoita alustapäivityksestä',
	'currents.module.reportOr': 'tai',
	'currents.module.reportError': 'ilmoita virheestä',
	'currents.module.reportTail': '. Alan ammattilaiset pitävät moduulin ajan tasalla pull requesteilla.',
};
