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

/**
 * The emoji pictures travel in packs rather than as 3,700 files of their own: one gzipped JSON object
 * (file name to SVG text) for each block of 64 code points, by the picture's first code point. A
 * browser fetches the one pack its name needs.
 */
export const emojiPack = (file: string): string => (Number.parseInt(file, 16) >> 6).toString(16);

/** The folder of the packs inside the assets folder. */
export const EMOJI_PACKS = `${EMOJI_PACKAGE}/packs`;

/** A pack's path inside the assets folder, as `assetHref` takes it. */
export const emojiPackPath = (pack: string): string => `${EMOJI_PACKS}/${pack}.svgpack.gz`;

/** The site address of a file given by its path in `node_modules`, such as `@fontsource/noto-sans/unicode.json`. */
export const assetHref = (packagePath: string, base = '/') => `${base.replace(/\/?$/, '/')}${CERTIFICATE_ASSETS_DIR}/${packagePath}`;
