/**
 * The words a Common Cartridge adds around what it copies from the site: titles of its items, the
 * line under each page's heading, attributions, and the manifest's description and rights. A track's
 * cartridge in another language than the originals' is made from its pages in that language, with
 * these words in it. Values that hold HTML (links, dates) are escaped by the caller.
 */
export const en = {
	'currents.cartridge.trackTitle': '{{track}} ({{curriculum}})',
	/** The title of a cartridge whose modules are web links to the site. */
	'currents.cartridge.linksTitle': '{{title}}, links to the site',
	'currents.cartridge.audience': 'Audience: {{audience}}',
	'currents.cartridge.modules': 'Modules: {{modules}}.',
	'currents.cartridge.passMark': "The track's certificate asks for {{mark}}% of the questions in each knowledge check answered right.",
	'currents.cartridge.check': 'Knowledge check: {{title}}',
	'currents.cartridge.question': 'Question {{number}}',
	'currents.cartridge.syllabusUnit': 'Syllabus',
	'currents.cartridge.syllabus': 'Syllabus: {{track}}',
	'currents.cartridge.syllabusMeta': 'For instructors. It names the versions of the modules this cartridge holds, the newest of them released on {{date}}.',
	/** A module as a web link, named by its major: the address shows each minor and patch release of it. */
	'currents.cartridge.linkTitle': '{{title}} (version {{major}}.x)',
	'currents.cartridge.pageTitle': '{{title}} (version {{version}})',
	'currents.cartridge.pageMeta': 'Version {{version}}, released {{date}} · {{minutes}} min · {{level}}',
	'currents.cartridge.notes': 'Instructor notes: {{title}}',
	'currents.cartridge.notesTitle': 'Instructor notes: {{title}} (version {{version}})',
	'currents.cartridge.notesMeta': 'For instructors, with version {{version}} of the module, released {{date}}. On the site they are shown only in the instructor view.',
	'currents.cartridge.discussion': 'Discussion: {{title}}',
	'currents.cartridge.discussionFrom': 'A discussion prompt from {{title}}, version {{version}}.',
	/** Under a module's page: what it is and where it comes from. `by` is `currents.cartridge.by` or nothing. */
	'currents.cartridge.attribution': '{{title}}, version {{version}}, released {{date}}{{by}}, from {{site}}. ',
	'currents.cartridge.by': ', by {{people}}',
	/** Under the syllabus: what it is and where it comes from. */
	'currents.cartridge.syllabusAttribution': '{{title}}, from {{site}}. ',
	'currents.cartridge.license': 'Licensed under {{license}}.',
	'currents.cartridge.citeAs': 'Cite as:',
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.cartridge.trackTitle': '{{track}} ({{curriculum}})',
	'currents.cartridge.linksTitle': '{{title}}, linkit sivustolle',
	'currents.cartridge.audience': 'Kohderyhmä: {{audience}}',
	'currents.cartridge.modules': 'Moduulit: {{modules}}.',
	'currents.cartridge.passMark': 'Polun todistukseen vaaditaan, että kunkin osaamisen tarkistuksen kysymyksistä vähintään {{mark}} % on vastattu oikein.',
	'currents.cartridge.check': 'Osaamisen tarkistus: {{title}}',
	'currents.cartridge.question': 'Kysymys {{number}}',
	'currents.cartridge.syllabusUnit': 'Toteutussuunnitelma',
	'currents.cartridge.syllabus': 'Toteutussuunnitelma: {{track}}',
	'currents.cartridge.syllabusMeta': 'Opettajalle. Siinä mainitaan tämän paketin moduulien versiot; uusin niistä on julkaistu {{date}}.',
	'currents.cartridge.linkTitle': '{{title}} (versio {{major}}.x)',
	'currents.cartridge.pageTitle': '{{title}} (versio {{version}})',
	'currents.cartridge.pageMeta': 'Versio {{version}}, julkaistu {{date}} · {{minutes}} min · {{level}}',
	'currents.cartridge.notes': 'Opettajan muistiinpanot: {{title}}',
	'currents.cartridge.notesTitle': 'Opettajan muistiinpanot: {{title}} (versio {{version}})',
	'currents.cartridge.notesMeta': 'Opettajalle, moduulin version {{version}} mukana, julkaistu {{date}}. Sivustolla ne näkyvät vain opettajan näkymässä.',
	'currents.cartridge.discussion': 'Keskustelu: {{title}}',
	'currents.cartridge.discussionFrom': 'Keskustelutehtävä moduulista {{title}}, versio {{version}}.',
	'currents.cartridge.attribution': '{{title}}, versio {{version}}, julkaistu {{date}}{{by}}. Julkaisija: {{site}}. ',
	'currents.cartridge.by': ', tekijät: {{people}}',
	'currents.cartridge.syllabusAttribution': '{{title}}. Julkaisija: {{site}}. ',
	'currents.cartridge.license': 'Lisenssi: {{license}}.',
	'currents.cartridge.citeAs': 'Lähdeviite:',
};
