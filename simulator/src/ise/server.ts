/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Cisco ISE Monitoring (MnT) REST API simulator: HTTP Basic auth, XML answers, base path
 * /admin/API/mnt. The real API is HTTPS on the MnT node; this one is plain HTTP on loopback.
 */
import { timingSafeEqual } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';

import * as xml from './responses';
import {
	defaultIseScenario,
	isMacAddress,
	normaliseMac,
	type IseAuthRecord,
	type IseEndpoint,
	type IseScenario,
} from './scenario';

export interface IseSimulatorOptions {
	port?: number;
	host?: string;
	username?: string;
	password?: string;
	scenario?: IseScenario;
	/** Answer like a PAN or PSN instead of the MnT node (cpm-code 34110 on every MnT call). */
	nonMnt?: boolean;
	now?: () => number;
}

export interface CoaRecord {
	requestType: 'reauth' | 'disconnect';
	method: string;
	psn: string;
	mac: string;
	type: number;
	nasIpAddress?: string;
	endpointIpAddress?: string;
	result: boolean;
	at: number;
}

export interface IseCallLogEntry {
	method: string;
	path: string;
	status: number;
	at: number;
}

export interface RunningIseSimulator {
	url: string;
	port: number;
	username: string;
	password: string;
	coaRequests(): CoaRecord[];
	calls(): IseCallLogEntry[];
	close(): Promise<void>;
}

export const ISE_BASE_PATH = '/admin/API/mnt';
const XML_TYPE = 'application/xml';
/** ISE bounds AuthStatus queries; larger values are clamped rather than rejected. */
const MAX_WINDOW_SECONDS = 5 * 86400;
const MAX_RECORDS = 1000;

interface Reply {
	status: number;
	body: string;
	contentType?: string;
	headers?: Record<string, string>;
}

interface Context {
	scenario: IseScenario;
	nonMnt: boolean;
	now: () => number;
	coa: CoaRecord[];
}

export async function startIseSimulator(
	options: IseSimulatorOptions = {},
): Promise<RunningIseSimulator> {
	const username = options.username ?? 'mnt-admin';
	const password = options.password ?? 'ise-sim-password';
	const host = options.host ?? '127.0.0.1';
	const context: Context = {
		scenario: options.scenario ?? defaultIseScenario(),
		nonMnt: options.nonMnt ?? false,
		now: options.now ?? Date.now,
		coa: [],
	};
	const callLog: IseCallLogEntry[] = [];

	const server = http.createServer((request, response) => {
		// Drain the body (CoA via PUT may carry one) before answering.
		request.resume();
		request.on('end', () => {
			const path = (request.url ?? '/').split('?')[0];
			const reply = isAuthorised(request.headers.authorization, username, password)
				? route(context, request.method ?? 'GET', path)
				: unauthorised();
			callLog.push({
				method: request.method ?? 'GET',
				path,
				status: reply.status,
				at: context.now(),
			});
			response.writeHead(reply.status, {
				'Content-Type': `${reply.contentType ?? XML_TYPE};charset=UTF-8`,
				...reply.headers,
			});
			response.end(reply.body);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://${host}:${port}${ISE_BASE_PATH}`,
		port,
		username,
		password,
		coaRequests: () => context.coa.map((record) => ({ ...record })),
		calls: () => callLog.map((entry) => ({ ...entry })),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

function isAuthorised(header: string | undefined, username: string, password: string): boolean {
	if (!header?.startsWith('Basic ')) return false;
	const expected = Buffer.from(`${username}:${password}`);
	const given = Buffer.from(Buffer.from(header.slice(6).trim(), 'base64').toString('utf8'));
	return given.length === expected.length && timingSafeEqual(given, expected);
}

function unauthorised(): Reply {
	return {
		status: 401,
		contentType: 'text/html',
		headers: { 'WWW-Authenticate': 'Basic realm="ISE MnT"' },
		body: '<html><head><title>Error</title></head><body>HTTP Status 401 - Unauthorized</body></html>',
	};
}

function route(context: Context, method: string, path: string): Reply {
	if (!path.startsWith(`${ISE_BASE_PATH}/`)) return notFound(path);
	const segments = path
		.slice(ISE_BASE_PATH.length + 1)
		.split('/')
		.filter((segment) => segment !== '')
		.map(safeDecode);
	const isCoa = segments[0] === 'CoA';
	if (method !== 'GET' && !(isCoa && method === 'PUT')) {
		return {
			status: 405,
			body: xml.restResultXml(405, `Method ${method} is not allowed on ${path}`),
		};
	}
	if (segments[0] === 'Version' && segments.length === 1) {
		return ok(xml.versionXml(context.scenario.product, context.nonMnt));
	}
	if (context.nonMnt) {
		return {
			status: 500,
			body: xml.restResultXml(500, 'This host is not a MnT node', xml.NOT_MNT_NODE_CODE),
		};
	}
	try {
		return routeMnt(context, method, segments, path);
	} catch (error) {
		if (error instanceof BadRequest)
			return { status: 400, body: xml.restResultXml(400, error.message) };
		// A simulator bug must show up as a 500 in the test, not kill the process.
		return {
			status: 500,
			body: xml.restResultXml(500, `Simulator error: ${(error as Error).message}`),
		};
	}
}

function routeMnt(context: Context, method: string, segments: string[], path: string): Reply {
	const [area, kind, ...rest] = segments;
	if (area === 'FailureReasons' && segments.length === 1) return ok(xml.failureReasonsXml());
	if (area === 'Session' && kind === 'ActiveCount' && rest.length === 0) {
		return ok(xml.activeCountXml(activeEndpoints(context).length));
	}
	if (area === 'Session' && kind === 'ActiveList' && rest.length === 0) {
		return ok(xml.activeListXml(activeEndpoints(context)));
	}
	if (area === 'Session' && rest.length === 1) return sessionBy(context, kind, rest[0], path);
	if (area === 'AuthStatus' && kind === 'MACAddress' && rest.length === 4 && rest[3] === 'All') {
		return authStatus(context, rest[0], rest[1], rest[2]);
	}
	if (area === 'CoA' && kind === 'Reauth' && rest.length === 3) {
		return coa(context, method, 'reauth', rest);
	}
	if (area === 'CoA' && kind === 'Disconnect' && rest.length === 5) {
		return coa(context, method, 'disconnect', rest);
	}
	return notFound(path);
}

function sessionBy(context: Context, key: string, value: string, path: string): Reply {
	const finders: Record<string, (endpoint: IseEndpoint) => boolean> = {
		MACAddress: (endpoint) => normaliseMac(endpoint.mac) === parseMac(value),
		UserName: (endpoint) => endpoint.username === value,
		EndPointIPAddress: (endpoint) => endpoint.framedIpAddress === value && isActive(endpoint),
	};
	const finder = finders[key];
	if (!finder) return notFound(path);
	const endpoint = context.scenario.endpoints.find(finder);
	const latest = endpoint ? latestRecord(endpoint) : undefined;
	if (!endpoint || !latest) {
		return { status: 404, body: xml.restResultXml(404, `No session found for ${key} ${value}`) };
	}
	return ok(xml.sessionXml(endpoint, latest, context.now()));
}

function authStatus(
	context: Context,
	macText: string,
	secondsText: string,
	recordsText: string,
): Reply {
	const mac = parseMac(macText);
	const seconds = Math.min(parsePositiveInteger('seconds', secondsText), MAX_WINDOW_SECONDS);
	const limit = Math.min(parsePositiveInteger('records', recordsText), MAX_RECORDS);
	const endpoint = context.scenario.endpoints.find(
		(candidate) => normaliseMac(candidate.mac) === mac,
	);
	const records = endpoint
		? sortedRecords(endpoint)
				.filter((record) => record.secondsAgo <= seconds)
				.slice(0, limit)
		: [];
	return ok(xml.authStatusXml(mac, endpoint, records, context.now()));
}

function coa(
	context: Context,
	method: string,
	requestType: 'reauth' | 'disconnect',
	parts: string[],
): Reply {
	const [psn, macText, typeText, nasIpAddress, endpointIpAddress] = parts;
	const mac = parseMac(macText);
	const type = parseCoaType(typeText);
	const endpoint = context.scenario.endpoints.find(
		(candidate) => normaliseMac(candidate.mac) === mac,
	);
	// ISE answers false when it has no session for the MAC or the named PSN is not one of its nodes.
	const result = endpoint !== undefined && context.scenario.psns.includes(psn);
	context.coa.push({
		requestType,
		method,
		psn,
		mac,
		type,
		nasIpAddress,
		endpointIpAddress,
		result,
		at: context.now(),
	});
	return ok(xml.coaXml(requestType, result));
}

function activeEndpoints(context: Context): IseEndpoint[] {
	return context.scenario.endpoints.filter(isActive);
}

function isActive(endpoint: IseEndpoint): boolean {
	return latestRecord(endpoint)?.passed === true;
}

function sortedRecords(endpoint: IseEndpoint): IseAuthRecord[] {
	return [...endpoint.authRecords].sort((a, b) => a.secondsAgo - b.secondsAgo);
}

function latestRecord(endpoint: IseEndpoint): IseAuthRecord | undefined {
	return sortedRecords(endpoint)[0];
}

class BadRequest extends Error {}

function parseMac(value: string): string {
	if (!isMacAddress(value))
		throw new BadRequest(`Invalid MAC address "${value}": expected 12 hex digits`);
	return normaliseMac(value);
}

function parsePositiveInteger(name: string, value: string): number {
	if (!/^\d+$/.test(value) || Number(value) < 1) {
		throw new BadRequest(`Invalid ${name} "${value}": expected a positive integer`);
	}
	return Number(value);
}

function parseCoaType(value: string): number {
	if (!/^[012]$/.test(value))
		throw new BadRequest(`Invalid CoA type "${value}": expected 0, 1 or 2`);
	return Number(value);
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function ok(body: string): Reply {
	return { status: 200, body };
}

function notFound(path: string): Reply {
	return { status: 404, body: xml.restResultXml(404, `Resource ${path} not found`) };
}
