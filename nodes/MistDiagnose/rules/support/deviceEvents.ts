import type { DeviceEvent } from '../../../shared/schemas/mist.schemas';

/** Device events and device-updown webhook events (the latter name the AP in `ap`, not `mac`). */
export type DeviceEventInput = DeviceEvent & {
	ap?: string | null;
	device_name?: string | null;
	ap_name?: string | null;
};
