import {
	CLIENT_MEASURE_LABELS,
	worstClientsByMeasure,
} from '../../shared/findings/clientMeasurements';
import type { ClientMeasurement } from '../../shared/findings/clientMeasurements';

/** One of the org's worst clients in a report or on the dashboard. */
export interface WorstClientRow extends ClientMeasurement {
	/** What is wrong, in words: Weak signal, Low SNR, High retries. */
	measureName: string;
}

/**
 * The worst clients per measure, from Org's Worst Clients items and from the client health
 * findings themselves (a sweep's own sites), each client once per measure at its worst value.
 */
export function worstClientRows(
	measurements: ClientMeasurement[],
	perMeasure: number,
): WorstClientRow[] {
	return worstClientsByMeasure(measurements, perMeasure).map((entry) => ({
		...entry,
		measureName: CLIENT_MEASURE_LABELS[entry.measure],
	}));
}
