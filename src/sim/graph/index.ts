// Graph REST routes (/v1.0/…, /beta/…). Owned by the Graph helper; the simulator server mounts them.
import type { SimRoute } from '../http/types.js';

export const graphRoutes: SimRoute[] = [];
