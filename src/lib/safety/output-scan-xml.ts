/** The output scan's checks of SVG and other XML files, which must be well-formed as well as safe. */
import { checkAttributes } from './output-scan-attributes.ts';
import { report, type FileContext } from './output-scan-context.ts';
import { FORBIDDEN_ELEMENTS } from './output-scan-html.ts';
import { checkXml, lineAndColumn, type XmlAttribute } from './xml-wellformed.ts';

/** SVG files are read as XML, as browsers read them when a reader opens one directly. */
export function scanSvg(ctx: FileContext): void {
	const at = (offset: number) => (ctx.detailed ? lineAndColumn(ctx.text, offset) : undefined);
	const problem = checkXml(ctx.text, (element) => {
		const name = element.name.slice(element.name.indexOf(':') + 1).toLowerCase();
		if (name === 'script') report(ctx, 'output-script', at(element.offset), `The SVG contains a <${element.name}> element, which runs when a reader opens the image on its own.`, 'Remove the script from the SVG file; images cannot run code. Most editors have an option to export plain SVG.');
		else if (name === 'foreignobject' || FORBIDDEN_ELEMENTS.has(name)) report(ctx, 'output-element', at(element.offset), `The SVG contains a <${element.name}> element, which can hold a web page inside the image.`, 'Remove the element from the SVG file, or export the image as plain SVG or PNG.');
		checkAttributes(ctx, { tagName: element.name, attrs: element.attributes }, (attr) => at((attr as XmlAttribute).offset));
	});
	if (problem) reportXml(ctx, problem);
}

export function scanXml(ctx: FileContext): void {
	const problem = checkXml(ctx.text);
	if (problem) reportXml(ctx, problem);
}

function reportXml(ctx: FileContext, problem: { offset: number; message: string }): void {
	const at = ctx.detailed ? lineAndColumn(ctx.text, problem.offset) : undefined;
	report(ctx, 'output-xml', at, `${ctx.file} is not well-formed XML: ${problem.message}`, 'Fix the template or tool that writes this file so that it escapes text and attribute values; readers and browsers refuse malformed XML entirely.');
}
