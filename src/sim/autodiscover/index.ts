import type { SimRoute } from '../http/types.js';

export const autodiscoverRoutes: SimRoute[] = [];
