/** The parts every module page adds around the module's own text. */
export const en = {
	'currents.module.outcomes': 'What you will be able to do',
	'currents.module.knowledgeCheck': 'Knowledge check',
	'currents.module.sources': 'Sources',
	'currents.module.changelog': 'Changelog',
	'currents.module.embedOrCite': 'Embed or cite',
	'currents.module.cite': 'Cite this module',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.module.outcomes': 'Mitä osaat moduulin jälkeen',
	'currents.module.knowledgeCheck': 'Osaamisen tarkistus',
	'currents.module.sources': 'Lähteet',
	'currents.module.changelog': 'Muutoshistoria',
	'currents.module.embedOrCite': 'Upota tai viittaa',
	'currents.module.cite': 'Viittaa moduuliin',
};
