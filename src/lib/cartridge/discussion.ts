/**
 * A Common Cartridge 1.3 discussion topic (`imsdt_xmlv1p3`): a title and the prompt as HTML, which a
 * learning platform imports as a discussion of its own (Canvas makes a discussion topic of it).
 */
import { el, schemaAttributes, text, xmlDocument } from './xml.ts';

export const DISCUSSION_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3';
export const DISCUSSION_SCHEMA = 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imsdt_v1p3.xsd';

/** The topic file for a prompt whose text is `html` (escaped here, as the format wants it). */
export function discussionXml(title: string, html: string): string {
	return xmlDocument(
		el(
			'topic',
			schemaAttributes(DISCUSSION_NAMESPACE, DISCUSSION_SCHEMA),
			el('title', {}, text(title.replace(/\s+/g, ' ').trim())),
			el('text', { texttype: 'text/html' }, text(html))
		)
	);
}
