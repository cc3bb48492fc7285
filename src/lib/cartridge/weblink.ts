/**
 * A Common Cartridge 1.3 web link (`imswl_xmlv1p3`): a title and an address that the learning
 * platform opens. Used for a module when the cartridge links the versioned pages instead of
 * carrying them.
 */
import { el, schemaAttributes, text, xmlDocument } from './xml.ts';

export const WEBLINK_NAMESPACE = 'http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3';
export const WEBLINK_SCHEMA = 'http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd';

/** The web link file for `url`, opened in a new window so the learner keeps the course open. */
export function webLinkXml(title: string, url: string): string {
	return xmlDocument(
		el(
			'webLink',
			schemaAttributes(WEBLINK_NAMESPACE, WEBLINK_SCHEMA),
			el('title', {}, text(title)),
			el('url', { href: url, target: '_blank' })
		)
	);
}
