/**
 * How the output scan reads the files of the output folder: which check each file's kind needs, the
 * memo of files found clean before (`ScanMemo`), the packs of SVG pictures, and the second pass that
 * gives the positions and sources of what the first found.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { codeFingerprint } from '../cache/fingerprint.ts';
import { sortFindings, type Finding } from '../check/findings.ts';
import type { PartOf } from './html-parts.ts';
import { addressesOf, contextOf, kindOf, posix, report, type Scan } from './output-scan-context.ts';
import { checkedFromParts, scanHtml } from './output-scan-html.ts';
import { scanSvg, scanXml } from './output-scan-xml.ts';
import type { OutputScanOptions } from './output-scan.ts';

export function scanOf(options: OutputScanOptions, files?: string[]): Scan {
	const all = files ?? readdirSync(options.dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => posix(relative(options.dir, join(entry.parentPath, entry.name))));
	return { options, dir: options.dir, root: options.root ?? join(options.dir, '..'), files: all.sort(), existing: new Set(all), hashes: new Map() };
}

/** Whether a file has any finding: a parse without positions, which are costly and rarely needed. */
export const quickScan = (scan: Scan, file: string): boolean => scanFile(scan, file, false).length > 0;

/** Scans the flagged files again with positions and sources, and checks that every page has a route. */
export function describe(scan: Scan, flagged: readonly string[]): Finding[] {
	const findings = flagged.flatMap((file) => scanFile(scan, file, true));
	for (const file of scan.files) {
		if (kindOf(file) !== 'html' || addressesOf(file).some((address) => scan.options.routedPages.has(address))) continue;
		const ctx = contextOf(scan, file, '', true);
		report(ctx, 'output-unrouted-page', undefined, `The HTML file ${file} is in the output, but Astro rendered no page at /${addressesOf(file)[0]}.`, 'Remove the file from `public/`, or from the tool that wrote it into the output folder; every page of the site must come from a route, so that the content checks see it.');
		findings.push(...ctx.findings);
	}
	return sortFindings(findings);
}

/**
 * Scans one file. `holds` names the parts of other pages the engine copied into it; when each is found
 * in it and the rest of it is clean, it is clean without parsing them again, and `fromParts.used` says so.
 */
export function scanFile(scan: Scan, file: string, detailed: boolean, bytes?: Buffer, holds?: readonly PartOf[], fromParts?: { used: boolean }): Finding[] {
	const kind = kindOf(file);
	if (!kind) return [];
	bytes ??= readFileSync(join(scan.dir, file));
	const memo = detailed ? undefined : scan.options.memo;
	const key = memo && memoKey(scan, file, bytes);
	if (key && memo?.known.has(key)) {
		memo.clean.add(key);
		return [];
	}
	if (kind === 'svgpack') {
		const findings = scanPack(scan, file, bytes, detailed);
		if (key && findings.length === 0) memo?.clean.add(key);
		return findings;
	}
	const ctx = contextOf(scan, file, bytes.toString('utf8'), detailed);
	if (kind === 'html' && holds && !detailed && checkedFromParts(ctx, holds)) {
		if (fromParts) fromParts.used = true;
	} else if (kind === 'html') scanHtml(ctx);
	else if (kind === 'svg') scanSvg(ctx);
	else scanXml(ctx);
	if (key && ctx.findings.length === 0 && !ctx.readOthers) memo?.clean.add(key);
	return ctx.findings;
}

/**
 * A pack of SVG pictures (the certificate's emoji, see `src/lib/cards/browser-paths.ts`): gzipped
 * JSON, file name to SVG text. Each picture is scanned as an SVG file of its own would be, under the
 * name `<pack>#<picture>`; a pack that cannot be read so is refused whole.
 */
function scanPack(scan: Scan, file: string, bytes: Buffer, detailed: boolean): Finding[] {
	let pictures: unknown;
	try {
		pictures = JSON.parse(gunzipSync(bytes).toString('utf8'));
	} catch {
		pictures = undefined;
	}
	if (!pictures || typeof pictures !== 'object' || Array.isArray(pictures) || !Object.values(pictures).every((svg) => typeof svg === 'string')) {
		const ctx = contextOf(scan, file, '', detailed);
		report(ctx, 'output-xml', undefined, `${file} is not a pack of SVG pictures (gzipped JSON of file names and SVG texts).`, 'Fix the build step that writes it (src/lib/cards/browser-assets.ts).');
		return ctx.findings;
	}
	return Object.entries(pictures as Record<string, string>).flatMap(([name, svg]) => {
		const ctx = contextOf(scan, `${file}#${name.replace(/\.svg$/i, '')}.svg`, svg, detailed);
		scanSvg(ctx);
		return ctx.findings;
	});
}

/** A file's key in the scan memo: the scanner's code, the allowed inline scripts and image hosts, the path and the bytes. */
function memoKey(scan: Scan, file: string, bytes: Buffer): string {
	scan.memoPrefix ??= `${codeFingerprint(dirname(fileURLToPath(import.meta.url)))}\0${[...scan.options.allowedInlineScripts].sort().join(' ')}\0${[...(scan.options.imageHosts ?? [])].sort().join(' ')}\0`;
	return createHash('sha256').update(scan.memoPrefix).update(`${file}\0`).update(bytes).digest('base64url');
}
