// waitFor/findBy give up after 1 s by default: too short on a machine whose two cores are shared by several test
// runs. Every renderer test imports this through fake-client or render (both set it once).
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 15_000 });
