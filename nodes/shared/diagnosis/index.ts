export * from './thresholds';
export * from './baseline';
export * from './context';
export * from './eventClassifier';
export * from './degradedSites';
export type { ClientEventInput, EventDefaults } from './failures';
export type { ClientRecord } from './directory';
export type { ApStat } from './uplink';
export type { DeviceEventInput } from './deviceEvents';
export type { AlarmInput } from './signals/alarms';
export type { MarvisActionInput } from './signals/marvis';
export type { SleSummaryInput } from './signals/sleClassifiers';
export type { TroubleshootInput } from './signals/troubleshoot';
export type { CommonStepInput } from './common';
export { diagnoseAssociation } from './association';
export type { AssociationInput } from './association';
export { diagnoseAuthentication } from './authentication';
export type { AuthenticationInput } from './authentication';
export { diagnoseDhcp } from './dhcp';
export type { DhcpInput, DhcpServerStat } from './dhcp';
export { diagnoseClientHealth } from './clientHealth';
export type { ClientHealthInput } from './clientHealth';
export { diagnoseApHealth } from './apHealth';
export type { ApHealthInput } from './apHealth';
export { diagnoseRfEnvironment } from './rfEnvironment';
export type { RfEnvironmentInput } from './rfEnvironment';
export { diagnoseInfrastructure } from './infrastructure';
export type { InfrastructureInput, ClientLatencyInput, MetricSeriesInput } from './infrastructure';

import { diagnoseAssociation } from './association';
import { diagnoseAuthentication } from './authentication';
import { diagnoseDhcp } from './dhcp';
import { diagnoseClientHealth } from './clientHealth';
import { diagnoseApHealth } from './apHealth';
import { diagnoseRfEnvironment } from './rfEnvironment';
import { diagnoseInfrastructure } from './infrastructure';

/** Step id → rule function, for the node's Step parameter. */
export const DIAGNOSERS = {
	association: diagnoseAssociation,
	authentication: diagnoseAuthentication,
	dhcp: diagnoseDhcp,
	client_health: diagnoseClientHealth,
	ap_health: diagnoseApHealth,
	rf_environment: diagnoseRfEnvironment,
	infrastructure: diagnoseInfrastructure,
} as const;
