/*
 * nock patches Node's http module, which every test file of a jest worker shares, and a file's
 * nock stays patched after the file ends. Without this, each later file adds a layer of
 * interception, and a suite of real HTTP (the simulated hours) crawls through a dozen of them.
 * Loaded lazily: a file that never used nock gets no layer at all.
 */
afterAll(async () => {
	const { default: nock } = await import('nock');
	nock.cleanAll();
	nock.restore();
});
