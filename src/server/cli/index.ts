/**
 * The CLI room's face: the operator's commands and provisioning (the one place a token exists in
 * the clear). Other rooms import the CLI room only from here.
 */
export { runCli, USAGE, type CliIo } from './cli-commands.ts';
export {
  DEFAULT_PORT,
  publicUrlFrom,
  newDeviceCode,
  provisionAdmin,
  provisionAdminToken,
  provisionDevice,
  provisioningLink,
  type DeviceCode,
  type ProvisionedDevice,
} from '../provisioning.ts';
