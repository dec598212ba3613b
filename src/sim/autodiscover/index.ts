import type { SimRoute } from '../http/types.js';
import { poxRoute } from './pox.js';
import { autodiscoverSoapRoute } from './soap.js';

export const autodiscoverRoutes: SimRoute[] = [poxRoute, autodiscoverSoapRoute];
