/**
 * Text written as HTML with only what text needs escaped (`&`, `<`, `>`), for places that take HTML:
 * Starlight's hero and `<title>`, and sentences with markup of their own. Quotes and apostrophes stay
 * as they are, one byte each, on pages whose HTML budget is tight.
 */
export const textAsHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
