/**
 * A track's syllabus for instructors: its schedule, each module's outcomes, exercises and prompts,
 * the assessment plan and what the versions to assign promise. A sentence that holds a link or a
 * list of titles is cut where they go, so each language keeps its own word order around them.
 */
export const en = {
	'currents.syllabus.title': '{{track}}: syllabus',
	'currents.syllabus.description': 'Schedule, outcomes and assessment plan of the track {{track}}, for instructors.',
	'currents.syllabus.asOf': 'As of',
	'currents.syllabus.learnersLead': 'For learners, the track is at',
	'currents.syllabus.learnersRest': '. Turn on the instructor view on a module page to see its instructor notes and discussion prompts.',
	/** On a page in another language than the originals', above everything the page shows in the original's words. */
	'currents.syllabus.inOriginal': 'Modules not translated yet are shown in the original language ({{language}}): their titles, summaries, outcomes, exercises and discussion prompts.',
	'currents.syllabus.schedule': 'Schedule',
	'currents.syllabus.session': 'Session',
	'currents.syllabus.module': 'Module',
	'currents.syllabus.takeFirst': 'Take first',
	'currents.syllabus.versionDraft': '{{version}} (draft)',
	/** Beside an address to assign whose page is in another language than the syllabus's. */
	'currents.syllabus.pageLanguage': '(page in {{language}})',
	'currents.syllabus.inSession': '(session {{session}})',
	'currents.syllabus.inTrack': '(in {{track}})',
	'currents.syllabus.inNoTrack': '(in no track)',
	'currents.syllabus.elsewhereOne': 'One module this track builds on is taught in another track:',
	'currents.syllabus.elsewhereOther': '{{count}} modules this track builds on are taught in another track:',
	'currents.syllabus.elsewhereRestOne': '. Assign it as well, or check that learners have taken it.',
	'currents.syllabus.elsewhereRestOther': '. Assign them as well, or check that learners have taken them.',
	'currents.syllabus.outcomes': 'Outcomes, exercises and discussions by module',
	'currents.syllabus.exercise': 'Exercise:',
	'currents.syllabus.handIn': 'Learners hand in:',
	'currents.syllabus.discussion': 'Discussion',
	'currents.syllabus.assessment': 'Assessment plan',
	'currents.syllabus.checks':
		'Every module ends with a knowledge check: {{questions}} questions across the track. Each question explains every choice after it is answered, so the checks teach as well as test. A learner passes a check with {{mark}}% of its questions right, and completes the track, earning "{{certificate}}", when every module is complete with its check passed.',
	'currents.syllabus.checkOne': '1 question, pass mark {{mark}}%',
	'currents.syllabus.checkOther': '{{count}} questions, pass mark {{mark}}%',
	/** After a module's count of questions, on a page in another language, when its knowledge check is the original's. */
	'currents.syllabus.checkInOriginal': ', questions in the original language ({{language}})',
	'currents.syllabus.assessedOne':
		"The knowledge checks are marked in the learner's browser, and nothing is sent to an instructor. For work to grade, use the exercise above: each names what learners hand in. In a learning platform, the course cartridge brings in the knowledge checks as quizzes that the platform marks.",
	'currents.syllabus.assessedOther':
		"The knowledge checks are marked in the learner's browser, and nothing is sent to an instructor. For work to grade, use the {{count}} exercises above: each names what learners hand in. In a learning platform, the course cartridge brings in the knowledge checks as quizzes that the platform marks.",
	/** On a page in another language, after the sentence on the course cartridge, which is of the originals. */
	'currents.syllabus.cartridgeInOriginal': 'The cartridge is in the original language ({{language}}).',
	'currents.syllabus.versions': 'Versions and what they promise',
	'currents.syllabus.permanent': 'Each link above is a permanent address of a major version.',
	'currents.syllabus.permanentExceptDrafts': 'Each link above, except a draft’s, is a permanent address of a major version.',
	/** On a page in another language: which of the permanent addresses above are in it. */
	'currents.syllabus.permanentTranslated':
		"A module whose translation follows its current major is linked at that major's permanent address in this language, which shows the translation for as long as it follows that major, and then the original's page of that major. The other modules are linked at the original's permanent address, whose page is in the original language ({{language}}).",
	'currents.syllabus.promise':
		"For the life of that major, its learning outcomes stay the same: corrections and additions arrive as minor and patch releases, each listed with its date in the module's changelog. A change of outcomes or reversed advice becomes a new major at a new address, and the old one stays online, so what a course assigned for a semester teaches stays what it was assigned for. Within a major the text still improves: an example, a source or a question of the knowledge check can be added, corrected or rewritten, so look at the changelog before you reuse a check's answers.",
	'currents.syllabus.feedLead': "Follow the track's releases on",
	'currents.syllabus.feed': 'its feed',
	'currents.syllabus.feedRest': '.',
	'currents.syllabus.draftsOne': 'One module is a draft, below version 1.0.0 and not reviewed yet:',
	'currents.syllabus.draftsOther': '{{count}} modules are drafts, below version 1.0.0 and not reviewed yet:',
	'currents.syllabus.draftsRest':
		". A draft has no permanent address until its first review releases it as 1.0.0; until then its link is the module's own page, and any release may change what it teaches.",
} as const;

export const fi: Record<keyof typeof en, string> = {
	'currents.syllabus.title': '{{track}}: toteutussuunnitelma',
	'currents.syllabus.description': 'Opintopolun {{track}} aikataulu, oppimistavoitteet ja arviointisuunnitelma opettajille.',
	'currents.syllabus.asOf': 'Tilanne',
	'currents.syllabus.learnersLead': 'Opiskelijoille polku on osoitteessa',
	'currents.syllabus.learnersRest': '. Kun otat moduulin sivulla käyttöön opettajan näkymän, näet moduulin opettajan muistiinpanot ja keskustelutehtävät.',
	'currents.syllabus.inOriginal': 'Moduulit, joita ei ole vielä käännetty, näkyvät alkuperäiskielellä ({{language}}): niiden nimet, kuvaukset, oppimistavoitteet, harjoitukset ja keskustelutehtävät.',
	'currents.syllabus.schedule': 'Aikataulu',
	'currents.syllabus.session': 'Kerta',
	'currents.syllabus.module': 'Moduuli',
	'currents.syllabus.takeFirst': 'Suorita ensin',
	'currents.syllabus.versionDraft': '{{version}} (luonnos)',
	'currents.syllabus.pageLanguage': '(sivun kieli: {{language}})',
	'currents.syllabus.inSession': '(kerta {{session}})',
	'currents.syllabus.inTrack': '(polulla {{track}})',
	'currents.syllabus.inNoTrack': '(ei millään polulla)',
	'currents.syllabus.elsewhereOne': 'Yksi moduuli, jonka varaan tämä polku rakentuu, opetetaan toisella polulla:',
	'currents.syllabus.elsewhereOther': '{{count}} moduulia, joiden varaan tämä polku rakentuu, opetetaan toisilla poluilla:',
	'currents.syllabus.elsewhereRestOne': '. Anna myös se opiskelijoille tai varmista, että he ovat jo suorittaneet sen.',
	'currents.syllabus.elsewhereRestOther': '. Anna myös ne opiskelijoille tai varmista, että he ovat jo suorittaneet ne.',
	'currents.syllabus.outcomes': 'Oppimistavoitteet, harjoitukset ja keskustelut moduuleittain',
	'currents.syllabus.exercise': 'Harjoitus:',
	'currents.syllabus.handIn': 'Opiskelijat palauttavat:',
	'currents.syllabus.discussion': 'Keskustelu',
	'currents.syllabus.assessment': 'Arviointisuunnitelma',
	'currents.syllabus.checks':
		'Jokainen moduuli päättyy osaamisen tarkistukseen, ja polulla on kysymyksiä yhteensä {{questions}}. Jokaisen kysymyksen jälkeen kerrotaan, miksi kukin vaihtoehto on oikein tai väärin, joten tarkistukset myös opettavat eivätkä vain mittaa. Opiskelija läpäisee tarkistuksen, kun vähintään {{mark}} % vastauksista on oikein. Hän suorittaa polun ja saa todistuksen ”{{certificate}}”, kun jokainen moduuli on suoritettu ja sen tarkistus läpäisty.',
	'currents.syllabus.checkOne': '1 kysymys, hyväksymisraja {{mark}} %',
	'currents.syllabus.checkOther': '{{count}} kysymystä, hyväksymisraja {{mark}} %',
	'currents.syllabus.checkInOriginal': ', kysymykset alkuperäiskielellä ({{language}})',
	'currents.syllabus.assessedOne':
		'Osaamisen tarkistukset arvioidaan opiskelijan selaimessa, eikä opettajalle lähetetä mitään. Arvioitavaksi työksi käytä yllä olevaa harjoitusta: siinä kerrotaan, mitä opiskelijat palauttavat. Oppimisympäristöön kurssin Common Cartridge -paketti tuo osaamisen tarkistukset tentteinä, jotka oppimisympäristö arvioi.',
	'currents.syllabus.assessedOther':
		'Osaamisen tarkistukset arvioidaan opiskelijan selaimessa, eikä opettajalle lähetetä mitään. Arvioitavaksi työksi käytä yllä olevia harjoituksia ({{count}}): jokaisessa kerrotaan, mitä opiskelijat palauttavat. Oppimisympäristöön kurssin Common Cartridge -paketti tuo osaamisen tarkistukset tentteinä, jotka oppimisympäristö arvioi.',
	'currents.syllabus.cartridgeInOriginal': 'Paketti on alkuperäiskielellä ({{language}}).',
	'currents.syllabus.versions': 'Versiot ja mitä ne lupaavat',
	'currents.syllabus.permanent': 'Jokainen yllä oleva linkki on pääversion pysyvä osoite.',
	'currents.syllabus.permanentExceptDrafts': 'Jokainen yllä oleva linkki luonnoksia lukuun ottamatta on pääversion pysyvä osoite.',
	'currents.syllabus.permanentTranslated':
		'Moduulin, jonka käännös seuraa sen nykyistä pääversiota, linkki on tämän pääversion pysyvä osoite tällä kielellä: se näyttää käännöksen niin kauan kuin käännös seuraa tätä pääversiota ja sen jälkeen saman pääversion alkuperäiskielisen sivun. Muiden moduulien linkit ovat alkuperäisten pysyviä osoitteita, joiden sivut ovat alkuperäiskielellä ({{language}}).',
	'currents.syllabus.promise':
		'Pääversion oppimistavoitteet pysyvät samoina koko sen elinkaaren ajan: korjaukset ja lisäykset julkaistaan alaversioina ja korjausversioina, ja jokainen niistä kirjataan päivämäärineen moduulin muutoshistoriaan. Muuttuneet oppimistavoitteet tai päinvastaiseksi muuttunut neuvo julkaistaan uutena pääversiona uudessa osoitteessa, ja vanha osoite pysyy verkossa, joten lukukaudeksi annettu moduuli opettaa sitä, mitä varten se annettiin. Pääversion sisälläkin tekstiä parannetaan: esimerkki, lähde tai osaamisen tarkistuksen kysymys voidaan lisätä, korjata tai kirjoittaa uudelleen, joten katso muutoshistoria ennen kuin käytät tarkistuksen vastauksia uudelleen.',
	'currents.syllabus.feedLead': 'Seuraa polun julkaisuja',
	'currents.syllabus.feed': 'sen syötteestä',
	'currents.syllabus.feedRest': '.',
	'currents.syllabus.draftsOne': 'Yksi moduuli on luonnos, jonka versio on alle 1.0.0 ja jota ei ole vielä tarkistettu:',
	'currents.syllabus.draftsOther': '{{count}} moduulia on luonnoksia, joiden versio on alle 1.0.0 ja joita ei ole vielä tarkistettu:',
	'currents.syllabus.draftsRest':
		'. Luonnoksella ei ole pysyvää osoitetta ennen kuin sen ensimmäinen tarkistus julkaisee sen versiona 1.0.0. Siihen asti sen linkki johtaa moduulin omalle sivulle, ja mikä tahansa julkaisu voi muuttaa sitä, mitä se opettaa.',
};
