'use strict';
/**
 * Programmatic entry point. n8n itself loads the nodes and credentials listed in package.json
 * ("n8n" section); this file lets scripts and tests require the built classes by name.
 */
const path = require('path');
const { n8n } = require('./package.json');

function load(file) {
	const exported = require(path.join(__dirname, file));
	return Object.values(exported).find((value) => typeof value === 'function');
}

module.exports = {
	nodes: Object.fromEntries(n8n.nodes.map((file) => [path.basename(file, '.node.js'), load(file)])),
	credentials: Object.fromEntries(
		n8n.credentials.map((file) => [path.basename(file, '.credentials.js'), load(file)]),
	),
};
