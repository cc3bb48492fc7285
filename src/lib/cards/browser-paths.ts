/**
 * Where a browser finds what it needs to draw a certificate: the build copies the font tables, the
 * font files and the emoji pictures from their npm packages into one folder of the site, keeping
 * each file's path inside `node_modules`, so a path the font planner gives is also its address.
 * Both the build step (browser-assets.ts) and the browser (browser-environment.ts) read this file.
 */

/** The folder of the built site that holds the certificate's fonts and pictures. */
export const CERTIFICATE_ASSETS_DIR = 'certificate-assets';

/** The npm package of the emoji pictures, as `emoji.ts` names its files. */
export const EMOJI_PACKAGE = '@twemoji/svg';

/** The site address of a file given by its path in `node_modules`, such as `@fontsource/noto-sans/unicode.json`. */
export const assetHref = (packagePath: string, base = '/') => `${base.replace(/\/?$/, '/')}${CERTIFICATE_ASSETS_DIR}/${packagePath}`;
