import { alarm } from './alarm';
import { client } from './client';
import { constant } from './constant';
import { device } from './device';
import { insight } from './insight';
import { marvis } from './marvis';
import { rf } from './rf';
import { site } from './site';
import { sle } from './sle';
import type { MistResource } from './types';
import { usage } from './usage';
import { webhook } from './webhook';

/** Every resource of the Juniper Mist node, keyed by the Resource parameter value. */
export const resources: Record<string, MistResource> = {
	alarm,
	client,
	constant,
	device,
	insight,
	marvis,
	rf,
	site,
	sle,
	usage,
	webhook,
};
