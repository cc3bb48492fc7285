/**
 * The environment a process that draws images should start with. resvg allocates with mimalloc, which
 * reads its options from the environment once, when resvg's library loads, so they are set for the
 * process before it starts (the build's card processes: pool.ts), or it starts itself again with them
 * (the scripts that draw in their own process: scripts/lib/draw-process.ts).
 *
 * - Without the bundler's setting. The build tells the bundler's mimalloc to return freed memory at
 *   once (scripts/build.ts); a card process inheriting that returned each card's 3 MB of pixel
 *   buffers and faulted them back in for the next card: 2.3 million more page faults and 5 to 9 s
 *   more system time for 1,040 cards. Here memory is reused image after image, so the default delay serves.
 * - With large pages where the system offers them (Linux's transparent huge pages, `madvise` mode).
 *   An image's pixels are written into freshly mapped memory a 4 KB page at a time, and each first
 *   touch is a page fault; in 2 MB pages a card takes a few hundred fewer. Measured over 600 cards
 *   drawn by one process, three alternated pairs: 44,700 to 47,500 page faults against 265,600 to
 *   296,800, and 13.8 to 17.4 s of CPU time against 18.1 to 20.9 s, for 10 MB more resident at most.
 *   Where the system has no such pages mimalloc uses ordinary ones.
 *
 * A value the caller set for large pages is kept.
 */
export function drawingEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const drawing: NodeJS.ProcessEnv = { MIMALLOC_ALLOW_LARGE_OS_PAGES: '1', ...env };
	delete drawing.MIMALLOC_PURGE_DELAY;
	return drawing;
}

/** Whether a process started with `env` has the allocator settings `drawingEnv` gives. */
export function isDrawingEnv(env: NodeJS.ProcessEnv): boolean {
	return env.MIMALLOC_ALLOW_LARGE_OS_PAGES !== undefined && env.MIMALLOC_PURGE_DELAY === undefined;
}
