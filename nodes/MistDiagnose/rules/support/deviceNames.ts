import type { DeviceStat } from '../../../shared/schemas/mist.schemas';

/** Device names by lower-case MAC (devices without a name left out), for the wording of findings. */
export function deviceNameMap(devices: DeviceStat[]): Record<string, string> {
	return Object.fromEntries(
		devices
			.filter((device) => device.name)
			.map((device) => [device.mac.toLowerCase(), String(device.name)]),
	);
}
