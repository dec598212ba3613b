// OAuth v2 routes (/{tenant}/oauth2/v2.0/…, /{tenant}/v2.0/.well-known/…, /common/discovery/…).
// Owned by the Graph helper; the simulator server mounts them.
import type { SimRoute } from '../http/types.js';

export const oauthRoutes: SimRoute[] = [];
