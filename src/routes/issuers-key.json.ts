import type { APIRoute, GetStaticPaths } from 'astro';
import { config } from '../data.ts';
import { loadIssuers } from '../lib/credentials/issuers.ts';
import { keyDocument } from '../lib/credentials/profile.ts';
import { contentDir } from '../lib/curriculum/paths.ts';

/** One page per public key of every issuer in the content folder. */
export const getStaticPaths = (() =>
	loadIssuers(contentDir()).issuers.flatMap((issuer) =>
		issuer.keys.map((key) => ({ params: { issuer: issuer.id, key: key.publicKeyMultibase }, props: { issuer: issuer.id, key: key.publicKeyMultibase } }))
	)) satisfies GetStaticPaths;

/** One key as a Multikey document: what a proof's `verificationMethod` names, with the issuer as its controller. */
export const GET: APIRoute<{ issuer: string; key: string }> = ({ props: { issuer, key } }) =>
	new Response(`${JSON.stringify(keyDocument(config.site, issuer, key), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
