/**
 * The gateway's default address, in a module with no dependencies so the CLI's help can name it
 * without loading zod and the settings schema.
 */
export const DEFAULT_GATEWAY_BASE_URL = 'https://api.aigateway.sh/v1';
