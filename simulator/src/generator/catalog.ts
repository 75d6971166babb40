/** Static vocabulary the generator draws from: places, hardware models, client device profiles. */

export const PLACES: ReadonlyArray<{
	timezone: string;
	country: string;
	city: string;
	lat: number;
	lng: number;
}> = [
	{ timezone: 'America/New_York', country: 'US', city: 'New York, NY', lat: 40.7128, lng: -74.006 },
	{ timezone: 'Europe/Berlin', country: 'DE', city: 'Berlin', lat: 52.52, lng: 13.405 },
	{ timezone: 'Asia/Singapore', country: 'SG', city: 'Singapore', lat: 1.3521, lng: 103.8198 },
	{
		timezone: 'America/Los_Angeles',
		country: 'US',
		city: 'San Jose, CA',
		lat: 37.3382,
		lng: -121.8863,
	},
	{ timezone: 'America/Chicago', country: 'US', city: 'Chicago, IL', lat: 41.8781, lng: -87.6298 },
	{ timezone: 'Europe/London', country: 'GB', city: 'London', lat: 51.5074, lng: -0.1278 },
	{ timezone: 'Europe/Paris', country: 'FR', city: 'Paris', lat: 48.8566, lng: 2.3522 },
	{ timezone: 'Asia/Tokyo', country: 'JP', city: 'Tokyo', lat: 35.6762, lng: 139.6503 },
	{ timezone: 'Australia/Sydney', country: 'AU', city: 'Sydney', lat: -33.8688, lng: 151.2093 },
	{ timezone: 'America/Sao_Paulo', country: 'BR', city: 'Sao Paulo', lat: -23.5505, lng: -46.6333 },
];

export const AP_MODELS = ['AP43', 'AP45', 'AP34'] as const;
export const SWITCH_MODEL = 'EX4100-48P';
export const AP_VERSION = '0.14.29543';
export const SWITCH_VERSION = '22.4R3-S2.11';

export const CHANNELS_24 = [1, 6, 11] as const;
export const CHANNELS_5 = [
	36, 40, 44, 48, 52, 56, 60, 64, 100, 104, 108, 112, 132, 136, 149, 153, 157, 161,
] as const;

export interface DeviceProfile {
	kind: string;
	os: string;
	manufacture: string;
	family: string;
	model: string;
	oui: string;
	proto: 'ac' | 'ax' | 'n';
	randomMac: boolean;
}

export const DEVICE_PROFILES: readonly DeviceProfile[] = [
	{
		kind: 'laptop',
		os: 'Windows 11',
		manufacture: 'Dell',
		family: 'Windows',
		model: 'Latitude 7440',
		oui: 'a4bb6d',
		proto: 'ax',
		randomMac: false,
	},
	{
		kind: 'laptop',
		os: 'macOS 14',
		manufacture: 'Apple',
		family: 'Mac',
		model: 'MacBook Pro',
		oui: 'f01898',
		proto: 'ax',
		randomMac: false,
	},
	{
		kind: 'phone',
		os: 'iOS 17',
		manufacture: 'Apple',
		family: 'iPhone',
		model: 'iPhone 15',
		oui: 'dc2b2a',
		proto: 'ax',
		randomMac: true,
	},
	{
		kind: 'phone',
		os: 'Android 14',
		manufacture: 'Samsung',
		family: 'Android',
		model: 'Galaxy S23',
		oui: '8c7112',
		proto: 'ax',
		randomMac: true,
	},
	{
		kind: 'tablet',
		os: 'iPadOS 17',
		manufacture: 'Apple',
		family: 'iPad',
		model: 'iPad Air',
		oui: '3c2eff',
		proto: 'ac',
		randomMac: true,
	},
	{
		kind: 'scanner',
		os: 'Android 11',
		manufacture: 'Zebra',
		family: 'Android',
		model: 'TC52',
		oui: '94fb29',
		proto: 'ac',
		randomMac: false,
	},
	{
		kind: 'printer',
		os: 'Embedded',
		manufacture: 'HP',
		family: 'Printer',
		model: 'LaserJet M507',
		oui: '3822e2',
		proto: 'n',
		randomMac: false,
	},
];

/** The WLANs every generated site broadcasts, with the VLAN each maps to. */
export const DEFAULT_WLANS = [
	{
		ssid: 'Corp-Secure',
		auth: 'eap',
		eapType: 'eap-peap',
		vlan: 10,
		akmSuite: 'WPA3-EAP-SHA256/CCMP',
		share: 0.45,
	},
	{
		ssid: 'Corp-Devices',
		auth: 'eap',
		eapType: 'eap-tls',
		vlan: 20,
		akmSuite: 'WPA3-EAP-SHA256/CCMP',
		share: 0.25,
	},
	{ ssid: 'Guest-PSK', auth: 'psk', vlan: 30, akmSuite: 'WPA2-PSK/CCMP', share: 0.2 },
	{ ssid: 'IoT-PSK', auth: 'psk', vlan: 40, akmSuite: 'WPA2-PSK/CCMP', share: 0.1 },
] as const;

export const FIRST_NAMES = [
	'alex',
	'sam',
	'jordan',
	'taylor',
	'morgan',
	'casey',
	'jamie',
	'riley',
	'avery',
	'quinn',
	'drew',
	'kai',
];
