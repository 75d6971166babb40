import {
	DEFAULT_THRESHOLDS,
	gradeHigherIsWorse,
	gradeLowerIsWorse,
	gradeSharedClients,
	resolveThresholds,
	rssiLimits,
} from '../../../../nodes/MistDiagnose/rules';

describe('threshold defaults', () => {
	it('match the catalogue (data RSSI -72/-80, SNR 25/15, retries 15/20, utilisation 50/70, noise -85/-80, clients 30/50)', () => {
		expect(DEFAULT_THRESHOLDS.rssiDataDbm).toEqual({ warn: -72, crit: -80 });
		expect(DEFAULT_THRESHOLDS.rssiVoiceDbm).toEqual({ warn: -67, crit: -75 });
		expect(DEFAULT_THRESHOLDS.snrDb).toEqual({ warn: 25, crit: 15 });
		expect(DEFAULT_THRESHOLDS.retriesPercent).toEqual({ warn: 15, crit: 20 });
		expect(DEFAULT_THRESHOLDS.channelUtilPercent).toEqual({ warn: 50, crit: 70 });
		expect(DEFAULT_THRESHOLDS.noiseFloorDbm).toEqual({ warn: -85, crit: -80 });
		expect(DEFAULT_THRESHOLDS.clientsPerAp).toEqual({ warn: 30, crit: 50 });
		expect(DEFAULT_THRESHOLDS.windowSeconds).toBe(600);
		expect(DEFAULT_THRESHOLDS.sharedMinClients).toBe(2);
		expect(DEFAULT_THRESHOLDS.sharedCriticalClients).toBe(10);
		expect(DEFAULT_THRESHOLDS.sleDegradedBelow).toBe(0.9);
		expect(DEFAULT_THRESHOLDS.baselineK).toBe(3);
	});

	it('switches RSSI limits with the voice profile and keeps other defaults when one field is set', () => {
		const voice = resolveThresholds({ rssiProfile: 'voice', snrDb: { warn: 30 } });
		expect(rssiLimits(voice)).toEqual({ warn: -67, crit: -75 });
		expect(voice.snrDb).toEqual({ warn: 30, crit: 15 });
		expect(rssiLimits(DEFAULT_THRESHOLDS)).toEqual({ warn: -72, crit: -80 });
	});

	it.each([
		[{ rssiDataDbm: { warn: -80, crit: -70 } }, 'rssiDataDbm'],
		[{ channelUtilPercent: { warn: 80, crit: 60 } }, 'channelUtilPercent'],
		[{ sharedMinClients: 0 }, 'sharedMinClients'],
		[{ rssiProfile: 'video' }, 'rssiProfile'],
		[{ rssiWarn: -70 }, '(root)'],
	])('rejects %j and names the field', (input, field) => {
		expect(() => resolveThresholds(input as never)).toThrow(`Invalid threshold "${field}"`);
	});
});

describe('boundaries (strictly worse than the limit breaches it)', () => {
	it.each([
		[-71, 'ok'],
		[-72, 'ok'],
		[-72.1, 'warn'],
		[-80, 'warn'],
		[-80.1, 'crit'],
	])('RSSI %d dBm with data limits → %s', (value, grade) => {
		expect(gradeLowerIsWorse(value, DEFAULT_THRESHOLDS.rssiDataDbm)).toBe(grade);
	});

	it.each([
		[-67, 'ok'],
		[-68, 'warn'],
		[-75, 'warn'],
		[-76, 'crit'],
	])('RSSI %d dBm with voice limits → %s', (value, grade) => {
		expect(gradeLowerIsWorse(value, DEFAULT_THRESHOLDS.rssiVoiceDbm)).toBe(grade);
	});

	it.each([
		[50, 'ok'],
		[50.1, 'warn'],
		[70, 'warn'],
		[71, 'crit'],
	])('channel utilisation %d%% → %s', (value, grade) => {
		expect(gradeHigherIsWorse(value, DEFAULT_THRESHOLDS.channelUtilPercent)).toBe(grade);
	});

	it.each([
		[-85, 'ok'],
		[-84, 'warn'],
		[-80, 'warn'],
		[-79, 'crit'],
	])('noise floor %d dBm → %s', (value, grade) => {
		expect(gradeHigherIsWorse(value, DEFAULT_THRESHOLDS.noiseFloorDbm)).toBe(grade);
	});

	it.each([
		[1, 'ok'],
		[2, 'warn'],
		[10, 'warn'],
		[11, 'crit'],
	])('%d distinct failing clients → %s (≥ 2 shared, > 10 critical)', (value, grade) => {
		expect(gradeSharedClients(value, DEFAULT_THRESHOLDS)).toBe(grade);
	});
});
