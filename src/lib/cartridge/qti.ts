/**
 * A module's knowledge check as a Common Cartridge 1.3 assessment: QTI 1.2.1 in the cartridge's
 * profile (`imsqti_xmlv1p2/imscc_xmlv1p3/assessment`). A question with one right choice becomes a
 * multiple-choice item, one with several a multiple-response item that scores only the exact set.
 * Each choice's explanation is its feedback, shown when the learner picks it, as on the site.
 */
import { hasSeveralRight } from '../learning/quiz.ts';
import { ENGLISH, type CartridgeWords } from './words.ts';
import { el, schemaAttributes, text, xmlDocument, xmlId } from './xml.ts';

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
export const QTI_SCHEMA = 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_qtiasiv1p2p1_v1p0.xsd';

export interface QtiChoice {
	text: string;
	correct: boolean;
	explanation: string;
}

export interface QtiQuestion {
	question: string;
	choices: QtiChoice[];
}

export interface Assessment {
	/** The assessment's identifier, unique in the cartridge. */
	ident: string;
	title: string;
	questions: readonly QtiQuestion[];
	/** The words of each question's title ("Question 1"), in the cartridge's language; English when not given. */
	words?: CartridgeWords;
}

/**
 * Whether the cartridge format can carry a question as a scored item: QTI needs a right answer to
 * score. The curriculum's schema already requires one; a question without it stays web content.
 */
export const fitsQti = (question: QtiQuestion): boolean => question.choices.length >= 2 && question.choices.some((choice) => choice.correct);

const field = (label: string, entry: string) => el('qtimetadatafield', {}, el('fieldlabel', {}, text(label)), el('fieldentry', {}, text(entry)));
const plain = (value: string) => el('material', {}, el('mattext', { texttype: 'text/plain' }, text(value)));

/** The QTI document for a knowledge check. */
export function assessmentXml(assessment: Assessment): string {
	const words = assessment.words ?? ENGLISH;
	const items = assessment.questions.map((question, q) => itemXml(question, xmlId(assessment.ident, `q${q + 1}`), words('currents.cartridge.question', { number: q + 1 })));
	const root = schemaAttributes(QTI_NAMESPACE, QTI_SCHEMA);
	return xmlDocument(
		el(
			'questestinterop',
			root,
			el(
				'assessment',
				{ ident: assessment.ident, title: assessment.title },
				el(
					'qtimetadata',
					{},
					field('cc_profile', 'cc.exam.v0p1'),
					field('qmd_assessmenttype', 'Examination'),
					field('qmd_scoretype', 'Percentage'),
					field('qmd_feedbackpermitted', 'Yes'),
					field('qmd_solutionspermitted', 'Yes'),
					// A knowledge check is practice: the learner may take it as often as they like.
					field('cc_maxattempts', 'unlimited')
				),
				el('section', { ident: xmlId(assessment.ident, 'section') }, ...items)
			)
		)
	);
}

function itemXml(question: QtiQuestion, ident: string, title: string): string {
	const multiple = hasSeveralRight(question);
	const response = xmlId(ident, 'response');
	const label = (c: number) => xmlId(ident, String.fromCharCode(65 + c));
	const feedback = (c: number) => xmlId(ident, String.fromCharCode(65 + c), 'feedback');
	const is = (c: number) => el('varequal', { respident: response }, text(label(c)));

	// Each picked choice shows its explanation; these conditions come first and let scoring continue.
	const explanations = question.choices.map((_, c) =>
		el('respcondition', { continue: 'Yes' }, el('conditionvar', {}, is(c)), el('displayfeedback', { feedbacktype: 'Response', linkrefid: feedback(c) }))
	);
	// Full marks only for the right set: every right choice picked and, for several, no wrong one.
	const right = question.choices.flatMap((choice, c) => (choice.correct ? [is(c)] : multiple ? [el('not', {}, is(c))] : []));
	const scoring = el(
		'respcondition',
		{ continue: 'No' },
		el('conditionvar', {}, right.length === 1 ? right[0] : el('and', {}, ...right)),
		el('setvar', { action: 'Set', varname: 'SCORE' }, '100')
	);

	return el(
		'item',
		{ ident, title },
		el(
			'itemmetadata',
			{},
			el(
				'qtimetadata',
				{},
				field('cc_profile', multiple ? 'cc.multiple_response.v0p1' : 'cc.multiple_choice.v0p1'),
				field('cc_weighting', '1'),
				field('qmd_computerscored', 'Yes')
			)
		),
		el(
			'presentation',
			{},
			plain(question.question),
			el(
				'response_lid',
				{ ident: response, rcardinality: multiple ? 'Multiple' : 'Single' },
				el('render_choice', {}, ...question.choices.map((choice, c) => el('response_label', { ident: label(c) }, plain(choice.text))))
			)
		),
		el(
			'resprocessing',
			{},
			el('outcomes', {}, el('decvar', { varname: 'SCORE', vartype: 'Decimal', minvalue: '0', maxvalue: '100' })),
			...explanations,
			scoring
		),
		...question.choices.map((choice, c) => el('itemfeedback', { ident: feedback(c) }, el('flow_mat', {}, plain(choice.explanation))))
	);
}
