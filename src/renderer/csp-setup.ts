// Imported first by main.tsx. zod compiles fast parsers with `new Function` when it may; our CSP forbids eval,
// and even zod's guarded probe shows up as a CSP violation. jitless keeps zod on its interpreter path.
import { z } from 'zod';

z.config({ jitless: true });
