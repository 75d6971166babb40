export { startIseSimulator, ISE_BASE_PATH } from './server';
export type {
	CoaRecord,
	IseCallLogEntry,
	IseSimulatorOptions,
	RunningIseSimulator,
} from './server';
export { buildIseScenario, defaultIseScenario, isMacAddress, normaliseMac } from './scenario';
export type {
	BuildIseScenarioOptions,
	IseAuthRecord,
	IseClientInput,
	IseClientKind,
	IseEndpoint,
	IseScenario,
} from './scenario';
export { ISE_FAILURE_REASONS, failureReasonText, findFailureReason } from './failureReasons';
export type { IseFailureReason } from './failureReasons';
export { iseScenarioFromWorld } from './fromWorld';
